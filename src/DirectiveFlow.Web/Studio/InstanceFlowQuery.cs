using System.Security.Claims;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Directives.Queries.Flow;
using Mediator;

namespace DirectiveFlow.Web.Studio;

/// <summary>
/// The instance view's reads, each a query of the application layer: the flow a directive runs on, live task counts
/// per activity, the units of one activity with their categories, and the journal.
/// </summary>
public sealed class InstanceFlowQuery(IMediator mediator)
{
    /// <summary>The directive and its flow, or null when it does not exist or <paramref name="user"/> may not read it.</summary>
    public async Task<FlowHeader?> HeaderAsync(Guid directiveId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await mediator.Send(new GetFlowHeaderQuery(directiveId, user), cancellationToken);

    public async Task<IReadOnlyDictionary<string, ActivityCounts>> CountsAsync(Guid directiveId, CancellationToken cancellationToken) =>
        await mediator.Send(new CountTasksByActivityQuery(directiveId), cancellationToken);

    public async Task<IReadOnlyList<ActivityUnitRow>> UnitsAsync(Guid directiveId, string activityId, CancellationToken cancellationToken) =>
        await mediator.Send(new ListActivityUnitsQuery(directiveId, activityId), cancellationToken);

    public async Task<IReadOnlyList<RecentJournalEntry>> JournalAsync(Guid directiveId, int take, CancellationToken cancellationToken) =>
        await mediator.Send(new ListRecentJournalQuery(directiveId, take), cancellationToken);
}
