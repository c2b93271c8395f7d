using System.Security.Claims;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Directives.Queries.Flow;
using Mediator;

namespace DirectiveFlow.Web.Studio;

/// <summary>
/// The instance view's reads, each a query of the application layer: the flow a directive runs on, live task counts
/// per activity, the units of one activity with their categories, and the journal — each for <c>user</c>, who gets
/// nothing of a directive outside her reading scope.
/// </summary>
public sealed class InstanceFlowQuery(IMediator mediator)
{
    /// <summary>The directive and its flow, or null when it does not exist or <paramref name="user"/> may not read it.</summary>
    public async Task<FlowHeader?> HeaderAsync(Guid directiveId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await mediator.Send(new GetFlowHeaderQuery(directiveId, user), cancellationToken);

    public async Task<IReadOnlyDictionary<string, ActivityCounts>> CountsAsync(Guid directiveId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await mediator.Send(new CountTasksByActivityQuery(directiveId, user), cancellationToken);

    public async Task<IReadOnlyList<ActivityUnitRow>> UnitsAsync(Guid directiveId, string activityId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await mediator.Send(new ListActivityUnitsQuery(directiveId, activityId, user), cancellationToken);

    public async Task<IReadOnlyList<RecentJournalEntry>> JournalAsync(Guid directiveId, int take, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await mediator.Send(new ListRecentJournalQuery(directiveId, take, user), cancellationToken);
}
