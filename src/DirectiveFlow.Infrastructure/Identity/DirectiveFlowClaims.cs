using System.Security.Claims;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>Claim types the product adds to cookies and bearer tokens.</summary>
public static class DirectiveFlowClaims
{
    public const string UnitId = "df:unit";
    public const string Language = "df:lang";

    /// <summary>The unit of <paramref name="user"/>, or null when the claim is absent or not a Guid.</summary>
    public static Guid? UnitIdOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(UnitId), out var unit) ? unit : null;
}
