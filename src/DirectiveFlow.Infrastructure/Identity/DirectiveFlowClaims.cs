using System.Security.Claims;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>Claim types the product adds to cookies and bearer tokens.</summary>
public static class DirectiveFlowClaims
{
    public const string UnitId = "df:unit";
    public const string Language = "df:lang";

    /// <summary>A person's full name; absent for a unit's own account (demo mode), which reads as its user name.</summary>
    public const string PersonName = "df:name";

    /// <summary>The unit of <paramref name="user"/>, or null when the claim is absent or not a Guid.</summary>
    public static Guid? UnitIdOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(UnitId), out var unit) ? unit : null;

    /// <summary>How the header names <paramref name="user"/>: a person by full name, a unit's own account by its user name.</summary>
    public static string DisplayNameOf(ClaimsPrincipal user) => user.FindFirstValue(PersonName) ?? user.Identity?.Name ?? "";
}
