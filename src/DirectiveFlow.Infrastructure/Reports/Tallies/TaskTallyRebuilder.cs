
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
namespace DirectiveFlow.Infrastructure.Reports.Tallies;

/// <summary>Counts every task into the tallies again (<see cref="TaskTallySql.Rebuild"/>) in one transaction; the CLI's <c>rebuild-tallies</c>.</summary>
public static class TaskTallyRebuilder
{
    /// <summary>Rebuilds the tallies; answers how many rows they now hold.</summary>
    public static async Task<int> RebuildAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        var provider = ProviderOf(db);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var sql in TaskTallySql.Rebuild(provider))
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await db.TaskTallies.CountAsync(cancellationToken);
    }

    public static DatabaseProvider ProviderOf(DirectiveFlowDbContext db) =>
        TimestampStorage.IsSqlite(db.Database.ProviderName) ? DatabaseProvider.Sqlite
        : TimestampStorage.IsPostgres(db.Database.ProviderName) ? DatabaseProvider.PostgreSql
        : DatabaseProvider.SqlServer;
}
