using DirectiveFlow.Infrastructure.Identity;

namespace DirectiveFlow.Infrastructure.Tasks.Access;

/// <summary>
/// The caller as task rules see it: name, roles, own unit, and the units whose tasks it may see (its own unit, plus
/// every unit whose ParentId chain leads to it when the caller is a unit head).
/// </summary>
public sealed record TaskCaller(string UserName, Guid? UnitId, IReadOnlySet<string> Roles, IReadOnlySet<Guid> VisibleUnitIds)
{
    public bool IsAdministrator => Roles.Contains(Identity.Roles.Administrator);

    public bool IsObserver => Roles.Contains(Identity.Roles.Observer);

    /// <summary>Administrators and observers read every task.</summary>
    public bool ReadsEverything => IsAdministrator || IsObserver;

    /// <summary>A role that acts for its unit: officer, head, or the unit's issuer account.</summary>
    public bool ActsForUnit =>
        UnitId is not null && (Roles.Contains(Identity.Roles.UnitOfficer) || Roles.Contains(Identity.Roles.UnitHead) || Roles.Contains(Identity.Roles.Issuer));
}
