using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Benchmarks.Overview;

/// <summary>
/// Turns the inbox benchmark's data set (every directive issued by one unit, cascaded to every commune of the country)
/// into one a province's issuers can read a share of: each directive becomes one copy per province, issued by that
/// province's committee, holding the tasks of that province's communes. The tasks are not touched otherwise.
/// </summary>
internal static class ProvinceDirectives
{
    public static async Task SplitAsync(DirectiveFlowDbContext db)
    {
        var values = new ProviderValues(db.Database.ProviderName);
        var committees = await db.Units.Where(u => u.Level == UnitLevel.Province && u.Pillar == Pillar.Committee).ToListAsync();
        var originals = await db.Directives.AsNoTracking().ToListAsync();
        var copies = new List<(Guid Old, string Province, Guid New)>();
        foreach (var d in originals)
        {
            foreach (var committee in committees)
            {
                var copy = new Directive
                {
                    Id = Guid.NewGuid(), Number = $"{d.Number}-{committee.LocalityCode}", Title = d.Title, IssuingUnitId = committee.Id,
                    WorkflowDefinitionId = d.WorkflowDefinitionId, InstanceId = Guid.NewGuid(), CreatedAt = d.CreatedAt, CreatedBy = d.CreatedBy,
                };
                db.Directives.Add(copy);
                copies.Add((d.Id, committee.LocalityCode, copy.Id));
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await db.Database.OpenConnectionAsync();
        await Execute(db, "CREATE TABLE \"BenchDirectiveMap\" (\"OldId\" TEXT NOT NULL, \"Province\" TEXT NOT NULL, \"NewId\" TEXT NOT NULL)");
        if (values.IsPostgres)
        {
            await Execute(db, "ALTER TABLE \"BenchDirectiveMap\" ALTER \"OldId\" TYPE uuid USING \"OldId\"::uuid, ALTER \"NewId\" TYPE uuid USING \"NewId\"::uuid");
        }

        foreach (var chunk in copies.Chunk(500))
        {
            var rows = string.Join(", ", chunk.Select((_, i) => $"(@o{i}, @p{i}, @n{i})"));
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            insert.CommandText = $"INSERT INTO \"BenchDirectiveMap\" VALUES {rows}";
            for (var i = 0; i < chunk.Length; i++)
            {
                BenchSql.Add(insert, $"@o{i}", values.Id(chunk[i].Old));
                BenchSql.Add(insert, $"@p{i}", chunk[i].Province);
                BenchSql.Add(insert, $"@n{i}", values.Id(chunk[i].New));
            }

            await insert.ExecuteNonQueryAsync();
        }

        // The seed assigns each commune task from its province counterpart: the assigner's locality is the province.
        await Execute(db, """
            UPDATE "Tasks" SET "DirectiveId" = m."NewId"
            FROM "BenchDirectiveMap" m, "Units" a
            WHERE a."Id" = "Tasks"."AssignerUnitId" AND m."Province" = a."LocalityCode" AND m."OldId" = "Tasks"."DirectiveId"
            """);
        await Execute(db, "DROP TABLE \"BenchDirectiveMap\"");
        var old = originals.Select(d => d.Id).ToList();
        await db.Directives.Where(d => old.Contains(d.Id)).ExecuteDeleteAsync();
        await Execute(db, values.IsSqlite ? "ANALYZE" : "VACUUM ANALYZE");
        await db.Database.CloseConnectionAsync();
    }

    private static async Task Execute(DirectiveFlowDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync();
    }
}
