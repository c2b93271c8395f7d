using System.Reflection;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;

namespace DirectiveFlow.Infrastructure.Tests.Persistence.Sql;

/// <summary>The column sets listed by hand for raw SQL are the ones the EF model maps, on every provider.</summary>
public sealed class MappedColumnSetTests
{
    [Theory]
    [MemberData(nameof(ModelOnly.Providers), MemberType = typeof(ModelOnly))]
    public void The_bulk_writers_task_columns_are_every_mapped_task_column_once(DatabaseProvider provider)
    {
        using var db = ModelOnly.Context(provider);
        var mapped = SqlNames.Of(db).Tasks.MappedProperties.Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(mapped, TaskColumns.Properties.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModelOnly.Providers), MemberType = typeof(ModelOnly))]
    public void The_outbox_columns_inserted_and_those_left_to_defaults_are_the_mapped_ones(DatabaseProvider provider)
    {
        using var db = ModelOnly.Context(provider);
        var mapped = SqlNames.Of(db).Outbox.MappedProperties.Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Empty(OutboxColumns.Inserted.Intersect(OutboxColumns.LeftToDefaults));
        Assert.Equal(mapped, OutboxColumns.Inserted.Concat(OutboxColumns.LeftToDefaults).Order(StringComparer.Ordinal));
        Assert.Equal(OutboxColumns.Inserted.Except([nameof(OutboxMessage.ModelJson)]), OutboxColumns.InsertedNamingSharedModel);
    }

    [Fact]
    public void Every_outbox_statement_has_a_value_for_each_column_it_names()
    {
        var message = new OutboxMessage { DedupeKey = "due:1", To = "", Subject = "", HtmlBody = "", TextBody = "", TaskId = Guid.NewGuid() };
        Assert.Equal(OutboxColumns.Inserted.Count, OutboxInsertCommand.Values(message, new ProviderValues("Npgsql.EntityFrameworkCore.PostgreSQL")).Count());
        Assert.Equal(OutboxColumns.InsertedNamingSharedModel.Count, DueGroupSql.OutboxValues("@", "t.id", "t.directive").Split(", ").Length);
    }

    /// <summary>
    /// Every statement text of every provider is built (a name the model does not map throws), and names its tables (or,
    /// for a temporary copy of the tasks, their columns) as the provider delimits them.
    /// </summary>
    [Theory]
    [MemberData(nameof(ModelOnly.Providers), MemberType = typeof(ModelOnly))]
    public void Every_statement_of_every_provider_is_built_from_its_model(DatabaseProvider provider)
    {
        using var db = ModelOnly.Context(provider);
        var sql = ProviderSql.For(db);
        var names = SqlNames.Of(db);
        var texts = Texts(sql).Concat(sql.DueGroups is { } groups ? Texts(groups).Append(groups.Condition(true, true)) : []).ToList();
        Assert.True(texts.Count >= (provider == DatabaseProvider.SqlServer ? 4 : 8), $"{texts.Count} statements");
        Assert.All(texts, text => Assert.True(
            text.Contains(names.Tasks.Name, StringComparison.Ordinal) || text.Contains(names.Outbox.Name, StringComparison.Ordinal)
            || text.Contains(names.OutboxModels.Name, StringComparison.Ordinal)
            || text.Contains(names.ActivityExecutions.Name, StringComparison.Ordinal)
            || text.Contains(names.Units.Name, StringComparison.Ordinal)
            || text.Contains(names.Tasks.Columns(TaskColumns.Properties), StringComparison.Ordinal), text));
        Assert.Equal(provider == DatabaseProvider.SqlServer ? "[Tasks]" : "\"Tasks\"", names.Tasks.Name);
    }

    private static IEnumerable<string> Texts(object statements) => statements.GetType()
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(string))
        .Select(p => (string?)p.GetValue(statements))
        .OfType<string>(); // a statement a provider has not is null
}
