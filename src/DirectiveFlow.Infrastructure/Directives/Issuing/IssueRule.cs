using System.Security.Claims;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>
/// Who may issue for which unit — the one rule, read by the issue command (the API and the page) and by the page's
/// list of units: an administrator for any active unit; an issuer for its own unit while it is active; nobody else.
/// </summary>
public static class IssueRule
{
    /// <summary>Whether <paramref name="caller"/> may issue for the unit <paramref name="unitId"/> (whether it is active is checked with the other fields).</summary>
    public static bool MayIssueFor(ClaimsPrincipal caller, Guid unitId) =>
        caller.IsInRole(Roles.Administrator) || (caller.IsInRole(Roles.Issuer) && DirectiveFlowClaims.UnitIdOf(caller) == unitId);

    /// <summary>
    /// Refuses with 403 (<see cref="ErrorCodes.IssueFlowNotForUnit"/>, the allowed issuers in words and as <c>issuers</c>)
    /// when <paramref name="flow"/> declares issuers that do not include <paramref name="unit"/>.
    /// </summary>
    public static void CheckFlowAllows(WorkflowDefinition flow, OrgUnit unit)
    {
        if (flow.Issuers is not { } issuers || issuers.Allows(unit))
        {
            return;
        }

        throw ProblemException.Forbidden(ErrorCodes.IssueFlowNotForUnit, flow.Name, unit.Code, new WordedValue(issuers.Describe))
            .With("issuers", new { pillars = issuers.Pillars ?? [], levels = issuers.Levels ?? [], units = issuers.Units ?? [] });
    }

    /// <summary>The active units <paramref name="caller"/> may issue for: those <see cref="MayIssueFor"/> accepts.</summary>
    public static IQueryable<OrgUnit> UnitsFor(DirectiveFlowDbContext db, ClaimsPrincipal caller)
    {
        var units = db.Units.Where(u => u.IsActive);
        if (caller.IsInRole(Roles.Administrator))
        {
            return units;
        }

        return caller.IsInRole(Roles.Issuer) && DirectiveFlowClaims.UnitIdOf(caller) is { } own
            ? units.Where(u => u.Id == own)
            : units.Where(_ => false);
    }
}
