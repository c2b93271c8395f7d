using System.Data.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Organisation.Import;

/// <summary>
/// A province unit's counterparts (<see cref="ProviderSql.UnitsInProvince"/>, one query per re-cascading step) are read
/// through the units' (locality, pillar, level) index right after the national list is imported. Before, PostgreSQL
/// planned them with the statistics of an empty table (autovacuum had not come by) and, in the generic plan a prepared
/// statement keeps, went by the (pillar, level) index through that pillar's commune units of the whole country.
/// </summary>
public sealed class CounterpartPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Right_after_the_national_import_a_province_units_counterparts_are_read_by_locality(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        Assert.True((await ImporterFactory.Create(db).ImportAsync(OfficialLists.Read(OfficialLists.Vietnam2025), Ct)).Succeeded);
        var hanoi = await db.Units.Where(u => u.Code == "01-PARTY")
            .Join(db.Localities, u => u.LocalityId, l => l.Id, (u, l) => l.Id).SingleAsync(Ct);
        var values = new ProviderValues(db.Database.ProviderName);
        var parameters = new (string Name, object Value)[]
        {
            ("@province", values.Id(hanoi)), ("@pillar", nameof(Pillar.Party)), ("@level", nameof(UnitLevel.Commune)), ("@kind", nameof(OrgUnitKind.PillarUnit)),
        };

        var found = await db.Units.FromSqlRaw(ProviderSql.For(db).UnitsInProvince, ProviderValues.Parameters(db.Database, parameters))
            .AsNoTracking().Select(u => u.Code).ToListAsync(Ct);
        Assert.Equal(126, found.Count); // Hà Nội's 126 communes, one Party committee each
        Assert.All(found, code => Assert.EndsWith("-PARTY", code, StringComparison.Ordinal));

        var plan = await PlanAsync(db, provider, parameters);
        Assert.Contains("IX_Units_LocalityId_Pillar_Level", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("IX_Units_Pillar_Level", plan, StringComparison.Ordinal);
    }

    /// <summary>
    /// The plan the product's statement gets: on PostgreSQL the generic plan of a prepared statement (what Npgsql's
    /// auto-prepare keeps for the connection), on SQLite its query plan.
    /// </summary>
    private static async Task<string> PlanAsync(DirectiveFlowDbContext db, string provider, (string Name, object Value)[] parameters)
    {
        var sql = ProviderSql.For(db).UnitsInProvince;
        await db.Database.OpenConnectionAsync(Ct);
        var connection = db.Database.GetDbConnection();
        var postgres = provider == nameof(DatabaseProvider.PostgreSql);
        if (postgres)
        {
            await ExecuteAsync(connection, "SET plan_cache_mode = force_generic_plan");
            // Numbered as PREPARE wants them, typed as Npgsql sends them.
            var numbered = sql.Replace("@province", "$1", StringComparison.Ordinal).Replace("@pillar", "$2", StringComparison.Ordinal)
                .Replace("@level", "$3", StringComparison.Ordinal).Replace("@kind", "$4", StringComparison.Ordinal);
            await ExecuteAsync(connection, $"PREPARE counterparts (uuid, text, text, text) AS {numbered}");
        }

        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? $"EXPLAIN EXECUTE counterparts ('{parameters[0].Value}', '{parameters[1].Value}', '{parameters[2].Value}', '{parameters[3].Value}')"
            : "EXPLAIN QUERY PLAN " + sql;
        if (!postgres)
        {
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1).ToString() ?? "");
        }

        return string.Join('\n', lines);
    }

    private static async Task ExecuteAsync(DbConnection connection, string text)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
