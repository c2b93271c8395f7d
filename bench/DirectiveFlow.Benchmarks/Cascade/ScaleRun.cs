using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>One database's cascade run: its services, and the raw baseline to compare with and its goal.</summary>
public sealed record ScaleRun(DatabaseProvider Provider, string ConnectionString, IServiceProvider Services, string BaselineName, double Goal)
{
    /// <summary>
    /// Checks that the directive wrote exactly <paramref name="expected"/> tasks and assignment notices (stopping the run
    /// otherwise), then writes the same task rows the raw way and answers how long that took.
    /// </summary>
    public async Task<TimeSpan> CheckedBaselineAsync(IssueDirectiveResult issued, int expected, string scale, bool withNotices = false)
    {
        var rows = await CascadeBenchmark.BaselineRowsAsync(Services, issued.InstanceId);
        CascadeBenchmark.CheckScale(scale, rows.Count, await CascadeBenchmark.NoticesAsync(Services, issued.Id), expected);
        var notices = withNotices ? await NoticesLikeAsync(issued) : null;
        return Provider == DatabaseProvider.Sqlite ? RawBaseline.Sqlite(ConnectionString, rows, notices) : RawBaseline.Postgres(ConnectionString, rows, notices);
    }

    /// <summary>
    /// For a flow whose tasks are written by several steps — <paramref name="planActivityId"/>'s tasks first, then, as each
    /// is completed, the tasks its unit assigns — the raw way in the same transactions: one writing the plans, then one per
    /// plan that completes it and writes its unit's tasks. Checks the scale first, like <see cref="CheckedBaselineAsync"/>.
    /// </summary>
    public async Task<TimeSpan> CheckedStepBaselineAsync(
        IssueDirectiveResult issued, int expected, string scale, string planActivityId, bool withNotices = false)
    {
        var rows = await CascadeBenchmark.BaselineRowsAsync(Services, issued.InstanceId);
        CascadeBenchmark.CheckScale(scale, rows.Count, await CascadeBenchmark.NoticesAsync(Services, issued.Id), expected);
        var plans = rows.Where(r => r.ActivityId == planActivityId).ToList();
        foreach (var plan in plans)
        {
            // Written open, as the engine first wrote them; each step then completes one.
            (plan.Status, plan.CompletedAt, plan.NextActionAt) = (UnitTaskStatus.Assigned, null, null);
        }

        var assigned = rows.Where(r => r.ActivityId != planActivityId).ToLookup(r => r.AssignerUnitId);
        List<RawStep> steps = [new RawStep(null, plans), .. plans.Select(p => new RawStep(p.Id, [.. assigned[p.UnitId]]))];
        if (steps.Sum(s => s.Rows.Count) != rows.Count)
        {
            throw new InvalidOperationException($"{scale}: the step baseline groups {steps.Sum(s => s.Rows.Count):N0} of {rows.Count:N0} rows under their plans.");
        }

        var notices = withNotices ? await NoticesLikeAsync(issued) : null;
        return Provider == DatabaseProvider.Sqlite ? RawBaseline.Sqlite(ConnectionString, steps, notices) : RawBaseline.Postgres(ConnectionString, steps, notices);
    }

    /// <summary>Notices as the engine wrote them for <paramref name="issued"/>: its directive and its (first) shared model's JSON.</summary>
    private async Task<RawNotices> NoticesLikeAsync(IssueDirectiveResult issued)
    {
        await using var db = Services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        var modelId = await db.Outbox.Where(m => m.DirectiveId == issued.Id && m.ModelId != null).Select(m => m.ModelId).FirstAsync();
        return new RawNotices(await db.OutboxModels.Where(m => m.Id == modelId).Select(m => m.Json).SingleAsync(), issued.Id);
    }
}
