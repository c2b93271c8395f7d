using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>One database's cascade run: its services, and the raw baseline to compare with and its goal.</summary>
public sealed record ScaleRun(DatabaseProvider Provider, string ConnectionString, IServiceProvider Services, string BaselineName, double Goal)
{
    /// <summary>
    /// Checks that the directive wrote exactly <paramref name="expected"/> tasks and assignment notices (stopping the run
    /// otherwise), then writes the same task rows the raw way and answers how long that took.
    /// </summary>
    public async Task<TimeSpan> CheckedBaselineAsync(IssueDirectiveResult issued, int expected, string scale)
    {
        var rows = await CascadeBenchmark.BaselineRowsAsync(Services, issued.InstanceId);
        CascadeBenchmark.CheckScale(scale, rows.Count, await CascadeBenchmark.NoticesAsync(Services, issued.Id), expected);
        return Baseline(rows);
    }

    /// <summary>Writes <paramref name="rows"/> the raw way of this database (prepared INSERT or binary COPY).</summary>
    private TimeSpan Baseline(IReadOnlyList<UnitTask> rows) =>
        Provider == DatabaseProvider.Sqlite ? RawBaseline.Sqlite(ConnectionString, rows) : RawBaseline.Postgres(ConnectionString, rows);
}
