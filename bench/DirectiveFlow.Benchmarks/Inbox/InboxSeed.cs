using System.Data.Common;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Benchmarks.Inbox;

/// <summary>
/// N tasks over every commune-level unit of the imported list: as many directives as it takes (each cascades to every
/// commune unit, assigned by the unit's province counterpart), statuses and deadlines spread pseudo-randomly around now
/// (40 % completed — some late —, 5 % cancelled, the rest open in every state; deadlines from 60 days ago to 60 days
/// ahead). Written set-based in one statement: the seed is not what is measured.
/// </summary>
internal static class InboxSeed
{
    /// <summary>
    /// Migrates the database, imports the national list (13,420 units) and writes <paramref name="count"/> tasks (after
    /// <paramref name="beforeTasks"/>, if any); answers how many were written.
    /// </summary>
    public static async Task<int> PrepareAsync(IServiceProvider root, DirectiveFlowDbContext db, int count, DateTimeOffset now, Func<Task>? beforeTasks = null)
    {
        await db.Database.MigrateAsync();
        await using (var scope = root.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(BenchDatabases.OfficialList(OfficialLists.Vietnam2025));
            if (!import.Succeeded)
            {
                throw new InvalidOperationException("The national list did not import.");
            }
        }

        if (beforeTasks is not null)
        {
            await beforeTasks();
        }

        return await InsertAsync(db, count, now);
    }

    public static async Task<int> InsertAsync(DirectiveFlowDbContext db, int count, DateTimeOffset now)
    {
        var values = new ProviderValues(db.Database.ProviderName);
        var communes = await db.Units.CountAsync(u => u.Level == Core.Organisation.UnitLevel.Commune && u.ParentId != null);
        var issuer = await db.Units.Where(u => u.Level == Core.Organisation.UnitLevel.Province).Select(u => u.Id).FirstAsync();
        var directives = (count + communes - 1) / communes;
        for (var i = 1; i <= directives; i++)
        {
            db.Directives.Add(new Directive
            {
                Id = Guid.NewGuid(), Number = $"Kế hoạch số {i}/KH-BENCH", Title = $"Chỉ đạo thử số {i}", IssuingUnitId = issuer,
                WorkflowDefinitionId = "bench", InstanceId = Guid.NewGuid(), CreatedAt = now.AddDays(-90 + i % 30), CreatedBy = "bench",
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var id = values.IsSqlite
            ? "upper(substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21,12))"
            : "gen_random_uuid()";
        var random = values.IsSqlite ? ", hex(randomblob(16)) AS h" : "";
        string Days(string offset) => values.IsSqlite ? $"@now + ({offset}) * 864000000000" : $"@now + ({offset}) * interval '1 day'";
        var completed = "p.r % 20 < 8";
        var sql = $"""
            WITH p AS (
                SELECT u."Id" AS unit, u."ParentId" AS assigner, d."Id" AS directive, d."InstanceId" AS instance, d."Number" AS number,
                    (row_number() OVER () * 2654435761) % 1000003 AS r{random}
                FROM "Units" u CROSS JOIN "Directives" d
                WHERE u."Level" = 'Commune' AND u."ParentId" IS NOT NULL
                LIMIT {count})
            INSERT INTO "Tasks" ("Id", "DirectiveId", "InstanceId", "ActivityId", "UnitId", "AssignerUnitId", "Title", "Instructions", "Status",
                "CreatedAt", "DueAt", "OriginalDueAt", "CompletedAt", "ProgressPercent", "ProgressCadence", "RequiresReview",
                "AllowCompleteBeforeSubCascade", "NextActionAt", "ChaseCount", "EscalationLevel", "IsRaised", "ConcurrencyStamp")
            SELECT {id}, p.directive, p.instance, 'task', p.unit, p.assigner, 'Triển khai ' || p.number, '',
                CASE WHEN {completed} THEN 'Completed' WHEN p.r % 20 = 8 THEN 'Cancelled' WHEN p.r % 20 < 11 THEN 'Assigned'
                    WHEN p.r % 20 < 13 THEN 'Acknowledged' WHEN p.r % 20 < 17 THEN 'InProgress' WHEN p.r % 20 = 17 THEN 'Reported' ELSE 'Returned' END,
                {Days("-90")}, {Days("p.r % 121 - 60")}, {Days("p.r % 121 - 60")},
                CASE WHEN {completed} THEN {Days("p.r % 121 - 60 + p.r % 7 - 4")} END,
                CASE WHEN {completed} THEN 100 ELSE p.r % 90 END, 'None', @no, @no, NULL, 0, 0, @no, 0
            FROM p
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 1800;
        BenchSql.Add(command, "@now", values.Time(now));
        BenchSql.Add(command, "@no", false);
        var written = await command.ExecuteNonQueryAsync();
        command.Parameters.Clear();
        command.CommandText = values.IsSqlite ? "ANALYZE" : "VACUUM ANALYZE";
        await command.ExecuteNonQueryAsync();
        return written;
    }
}
