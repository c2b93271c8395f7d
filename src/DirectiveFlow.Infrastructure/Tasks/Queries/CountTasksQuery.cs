using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>How many of the tasks a filter selects fall in each government category (the inbox's counters).</summary>
/// <param name="Total">Every task listed under the filter (a cancelled one too: it is listed, in no category).</param>
public sealed record TaskCounts(int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int DueSoon, int OpenOverdue, int NotAcknowledged)
{
    public static readonly TaskCounts None = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The category counts of the tasks <see cref="Filter"/> selects (its page is ignored), in one aggregate query whose
/// conditions are the very rules the list filters with (<see cref="TaskCategories"/>).
/// </summary>
public sealed record CountTasksQuery(TaskListFilter Filter) : IQuery<TaskCounts>;

public sealed class CountTasksHandler(DirectiveFlowDbContext db, TaskListSource source, TaskClock clock) : IQueryHandler<CountTasksQuery, TaskCounts>
{
    public async ValueTask<TaskCounts> Handle(CountTasksQuery query, CancellationToken cancellationToken) =>
        await ReadAsync(db, source, clock, query.Filter, cancellationToken);

    internal static async Task<TaskCounts> ReadAsync(
        DirectiveFlowDbContext db, TaskListSource source, TaskClock clock, TaskListFilter filter, CancellationToken cancellationToken)
    {
        var row = await source.ReadAsync(filter,
            tasks => tasks.GroupBy(_ => 1)
                .Select(TaskCategoryQueries.Aggregate<int, ListedCounts>(clock.Time, (g, c) => new ListedCounts(g.Count(), c)))
                .FirstOrDefaultAsync(cancellationToken),
            units => DefaultInbox.CountsAsync(db, units, clock.Time),
            cancellationToken);
        return row is null
            ? TaskCounts.None
            : new TaskCounts(row.Listed, row.Counts.CompletedOnTime, row.Counts.CompletedLate, row.Counts.OpenWithinDeadline, row.Counts.DueSoon, row.Counts.OpenOverdue, row.Counts.NotAcknowledged);
    }
}
