using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;

namespace DirectiveFlow.Infrastructure.Reports;

/// <summary>The <see cref="ReportScope"/> of the current request's caller (scoped).</summary>
public sealed class ReportScopeResolver(DirectiveFlowDbContext db, ICurrentUser user, TaskCallerResolver callers)
{
    /// <summary>
    /// Administrators, issuers and observers read the directive-wide scope (<see cref="DirectiveReader"/>); a unit head
    /// its unit and the units below it; anyone else (an officer only) no report at all: null.
    /// </summary>
    public async Task<ReportScope?> GetAsync(CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Issuer) || user.IsInRole(Roles.Observer))
        {
            return ReportScope.Of(await DirectiveReader.ForAsync(db, user, cancellationToken));
        }

        if (user.IsInRole(Roles.UnitHead) && user.UnitId is not null)
        {
            return ReportScope.OfUnits((await callers.GetAsync(cancellationToken)).VisibleUnitIds);
        }

        return null;
    }
}
