namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>Claim types the product adds to cookies and bearer tokens.</summary>
public static class DirectiveFlowClaims
{
    public const string UnitId = "df:unit";
    public const string Language = "df:lang";
}
