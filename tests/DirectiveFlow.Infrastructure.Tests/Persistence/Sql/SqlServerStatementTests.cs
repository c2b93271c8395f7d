using System.Reflection;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Persistence.Sql.SqlServer;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DirectiveFlow.Infrastructure.Tests.Persistence.Sql;

/// <summary>
/// No SQL Server runs where the tests run, so its raw SQL is checked without one: every command text the product can
/// issue on SQL Server, built from the SQL Server model, is parsed by SQL Server's own parser and may name only
/// tables and columns that model maps.
/// </summary>
public sealed class SqlServerStatementTests
{
    [Fact]
    public void Every_SQL_Server_statement_parses_and_names_only_mapped_tables_and_columns()
    {
        using var db = ModelOnly.Context(DatabaseProvider.SqlServer);
        var mapped = MappedColumns(db.Model);
        var commands = Commands(db).ToList();

        Assert.True(commands.Count >= 11, $"{commands.Count} commands");
        Assert.All(commands, command => Assert.Empty(Problems(command.Text, mapped).Select(p => $"{command.Name}: {p}\n{command.Text}")));
    }

    [Fact]
    public void The_check_finds_a_syntax_error_an_unmapped_table_and_an_unmapped_column()
    {
        using var db = ModelOnly.Context(DatabaseProvider.SqlServer);
        var mapped = MappedColumns(db.Model);

        Assert.Empty(Problems("UPDATE [Tasks] SET [ChaseCount] = @c WHERE [Id] = @id", mapped));
        Assert.Contains(Problems("INSERT INTO [Tasks] ([Id]) VALUES (@p0) ON CONFLICT DO NOTHING", mapped), p => p.StartsWith("parse", StringComparison.Ordinal));
        Assert.Contains("table Task", Problems("UPDATE [Task] SET [ChaseCount] = 1", mapped));
        Assert.Contains("column ChaseCounts", Problems("UPDATE [Tasks] SET [ChaseCounts] = 1", mapped));
    }

    /// <summary>
    /// What the product issues on SQL Server: every statement of <see cref="SqlServerSql"/> (with those every provider
    /// has), and <see cref="BulkInsert"/> for each entity it inserts. The sweep's group statements are not among them:
    /// on SQL Server the sweep goes row by row.
    /// </summary>
    private static IEnumerable<(string Name, string Text)> Commands(DirectiveFlowDbContext db)
    {
        var sql = Assert.IsType<SqlServerSql>(ProviderSql.For(db));
        Assert.Null(sql.DueGroups);
        foreach (var property in typeof(SqlServerSql).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)))
        {
            if (property.GetValue(sql) is string text) // null: a statement SQL Server has not
            {
                yield return (property.Name, text);
            }
        }

        foreach (var (name, statements) in new[]
        {
            ("TaskTallySql.CreateTriggers", TaskTallySql.CreateTriggers(DatabaseProvider.SqlServer)),
            ("TaskTallySql.DropTriggers", TaskTallySql.DropTriggers(DatabaseProvider.SqlServer)),
            ("TaskTallySql.Rebuild", TaskTallySql.Rebuild(DatabaseProvider.SqlServer)),
        })
        {
            foreach (var (text, i) in statements.Select((t, i) => (t, i)))
            {
                yield return ($"{name} #{i + 1}", text);
            }
        }

        foreach (var entity in new[] { typeof(Locality), typeof(OrgUnit), typeof(AppUser), typeof(IdentityUserRole<Guid>) })
        {
            foreach (var rows in new[] { 1, 3 })
            {
                yield return ($"BulkInsert {entity.Name} × {rows}", BulkInsert.CommandText(db, entity, rows));
            }
        }
    }

    private static List<string> Problems(string text, Dictionary<string, HashSet<string>> mapped)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out var errors);
        if (errors.Count > 0)
        {
            return [.. errors.Select(e => $"parse error at {e.Line}:{e.Column}: {e.Message}")];
        }

        var names = new ReferencedNames();
        fragment.Accept(names);
        if (names.TriggerTable is { } triggered)
        {
            // a trigger's pseudo-tables hold the rows of the table it is on
            names.Tables.ExceptWith(["inserted", "deleted"]);
            names.Tables.Add(triggered);
        }

        var problems = names.Tables.Where(t => !mapped.ContainsKey(t)).Select(t => $"table {t}").ToList();
        if (names.Tables.Count == 0 && !names.DropsTrigger)
        {
            problems.Add("no table");
        }

        var columns = names.Tables.Where(mapped.ContainsKey).SelectMany(t => mapped[t]).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(names.Columns.Where(c => !columns.Contains(c)).Select(c => $"column {c}"));
        return problems;
    }

    /// <summary>Each mapped table with its columns, as the model maps them.</summary>
    private static Dictionary<string, HashSet<string>> MappedColumns(IModel model) => model.GetEntityTypes()
        .Where(e => e.GetTableName() is not null)
        .GroupBy(e => e.GetTableName()!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g
            .SelectMany(e => e.GetProperties().Select(p => p.GetColumnName(StoreObjectIdentifier.Table(g.Key, e.GetSchema()))))
            .OfType<string>().ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The tables and the columns (last part of each reference) a statement names.</summary>
    private sealed class ReferencedNames : TSqlFragmentVisitor
    {
        public HashSet<string> Tables { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Columns { get; } = new(StringComparer.Ordinal);

        /// <summary>The table a CREATE TRIGGER is on (its <c>inserted</c> and <c>deleted</c> rows are that table's).</summary>
        public string? TriggerTable { get; private set; }

        /// <summary>A DROP TRIGGER names no table.</summary>
        public bool DropsTrigger { get; private set; }

        public override void Visit(NamedTableReference node) => Tables.Add(node.SchemaObject.BaseIdentifier.Value);

        public override void Visit(CreateTriggerStatement node) => TriggerTable = node.TriggerObject.Name.BaseIdentifier.Value;

        public override void Visit(DropTriggerStatement node) => DropsTrigger = true;

        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier is { Identifiers.Count: > 0 } name)
            {
                Columns.Add(name.Identifiers[^1].Value);
            }
        }
    }
}
