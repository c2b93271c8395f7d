using System.Security.Claims;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>
/// The flows <paramref name="Caller"/> may issue: each published flow that allows at least one of the units the caller
/// may issue for (<see cref="IssueRule"/>), with exactly those units — what the issue command accepts, flow by flow.
/// </summary>
public sealed record ListIssuableFlowsQuery(ClaimsPrincipal Caller) : IQuery<IReadOnlyList<IssuableFlow>>;

public sealed class ListIssuableFlowsHandler(DirectiveFlowDbContext db) : IQueryHandler<ListIssuableFlowsQuery, IReadOnlyList<IssuableFlow>>
{
    public async ValueTask<IReadOnlyList<IssuableFlow>> Handle(ListIssuableFlowsQuery query, CancellationToken cancellationToken)
    {
        var units = await IssueRule.UnitsFor(db, query.Caller).AsNoTracking()
            .OrderBy(u => u.Level).ThenBy(u => u.Code)
            .ToListAsync(cancellationToken);
        if (units.Count == 0)
        {
            return [];
        }

        var flows = await ListPublishedFlowsHandler.LoadAsync(db, cancellationToken);
        return flows
            .Select(f => new IssuableFlow(f, units.Where(u => WorkflowIssuers.Allow(f.Issuers, u)).Select(u => new IssuingUnit(u.Id, u.Code, u.Name)).ToList()))
            .Where(f => f.Units.Count > 0)
            .ToList();
    }
}
