using DirectiveFlow.Infrastructure.Identity;

namespace DirectiveFlow.Web.Components.Overview;

/// <summary>Who reads the leadership pages (as the reports API): everyone but a unit officer.</summary>
public static class OverviewRoles
{
    public const string Readers = Roles.Administrator + "," + Roles.Observer + "," + Roles.Issuer + "," + Roles.UnitHead;

    /// <summary>Whether the user opens directive pages (administrators, observers, issuers); a head follows its tasks instead.</summary>
    public static bool ReadsDirectivePages(ICurrentUser user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Observer) || user.IsInRole(Roles.Issuer);

    /// <summary>Whether the user lands on the overview after signing in (the readers above); officers keep the inbox.</summary>
    public static bool LandsOnOverview(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Observer) || user.IsInRole(Roles.Issuer) || user.IsInRole(Roles.UnitHead);
}
