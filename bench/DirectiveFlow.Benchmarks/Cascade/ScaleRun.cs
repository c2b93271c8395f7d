using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>One database's cascade run: its services, and the raw baseline to compare with and its goal.</summary>
public sealed record ScaleRun(DatabaseProvider Provider, string ConnectionString, IServiceProvider Services, string BaselineName, double Goal)
{
    /// <summary>Writes <paramref name="rows"/> the raw way of this database (prepared INSERT or binary COPY).</summary>
    public TimeSpan Baseline(IReadOnlyList<UnitTask> rows) =>
        Provider == DatabaseProvider.Sqlite ? RawBaseline.Sqlite(ConnectionString, rows) : RawBaseline.Postgres(ConnectionString, rows);
}
