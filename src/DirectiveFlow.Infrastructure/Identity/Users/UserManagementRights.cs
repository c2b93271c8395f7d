using System.Security.Claims;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// Whose accounts a caller manages: an administrator (and <see cref="Caller.System"/>) everyone's; a unit head only
/// the officers of their own unit — accounts holding no role but <see cref="Roles.UnitOfficer"/> — and grants nothing
/// else. Anyone else is refused at once (403).
/// </summary>
public sealed class UserManagementRights
{
    private UserManagementRights(Guid? callerId, Guid? headOfUnit)
    {
        CallerId = callerId;
        HeadOfUnit = headOfUnit;
    }

    /// <summary>The caller's own account; null for the system.</summary>
    public Guid? CallerId { get; }

    /// <summary>The unit whose officers a unit head manages; null for an administrator, who manages everyone.</summary>
    public Guid? HeadOfUnit { get; }

    public bool ManagesEveryone => HeadOfUnit is null;

    public static UserManagementRights Of(Caller caller)
    {
        if (caller.Principal is not { } principal)
        {
            return new(null, null);
        }

        var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
        if (principal.IsInRole(Roles.Administrator))
        {
            return new(id, null);
        }

        if (principal.IsInRole(Roles.UnitHead) && DirectiveFlowClaims.UnitIdOf(principal) is { } unit)
        {
            return new(id, unit);
        }

        throw ProblemException.Forbidden(ErrorCodes.UsersForbidden);
    }

    /// <summary>An account a unit head manages: an officer of the head's unit and nothing more.</summary>
    public static bool IsOfficerOnly(IReadOnlyCollection<string> roles) =>
        roles.Count > 0 && roles.All(r => r == Roles.UnitOfficer);

    public bool Manages(IReadOnlyCollection<string> roles, Guid? unitId) =>
        ManagesEveryone || (unitId == HeadOfUnit && IsOfficerOnly(roles));

    /// <summary>Refuses (403) to touch an account outside the caller's reach.</summary>
    public void CheckManages(IReadOnlyCollection<string> roles, Guid? unitId)
    {
        if (!Manages(roles, unitId))
        {
            throw ProblemException.Forbidden(ErrorCodes.UserOutsideHeadsUnit);
        }
    }

    /// <summary>Refuses (403) to give an account roles or a unit the caller may not grant.</summary>
    public void CheckGrants(IReadOnlyCollection<string> roles, Guid? unitId)
    {
        if (!Manages(roles, unitId))
        {
            throw ProblemException.Forbidden(ErrorCodes.UserRoleNotGrantable);
        }
    }
}
