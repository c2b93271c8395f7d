using DirectiveFlow.Infrastructure.Identity;

namespace DirectiveFlow.Infrastructure.Tasks.Access;

/// <summary>
/// The caller as task rules see it: name, roles, own unit, and the units whose tasks it may see (its own unit, plus
/// every unit whose ParentId chain leads to it when the caller is a unit head), and for an observer of a provincial unit
/// the province whose directives' tasks she reads (<see cref="ObservedProvinceId"/>).
/// </summary>
public sealed record TaskCaller(
    string UserName, Guid? UnitId, IReadOnlySet<string> Roles, IReadOnlySet<Guid> VisibleUnitIds, Guid? ObservedProvinceId = null)
{
    public bool IsAdministrator => Roles.Contains(Identity.Roles.Administrator);

    public bool IsObserver => Roles.Contains(Identity.Roles.Observer);

    /// <summary>
    /// Administrators and the observers of the whole country (without a unit, or of a national unit) read every task;
    /// an observer of a provincial unit reads those of her province's directives (<see cref="ObservedProvinceId"/>).
    /// </summary>
    public bool ReadsEverything => IsAdministrator || (IsObserver && ObservedProvinceId is null);

    /// <summary>Whether the caller reads only the tasks its own units lead, assigned or support.</summary>
    public bool ReadsOwnUnitsOnly => !ReadsEverything && ObservedProvinceId is null;

    /// <summary>A role that acts for its unit: officer, head, or the unit's issuer account.</summary>
    public bool ActsForUnit =>
        UnitId is not null && (Roles.Contains(Identity.Roles.UnitOfficer) || Roles.Contains(Identity.Roles.UnitHead) || Roles.Contains(Identity.Roles.Issuer));
}
