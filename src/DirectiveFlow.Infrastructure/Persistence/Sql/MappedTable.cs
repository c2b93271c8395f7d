using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DirectiveFlow.Infrastructure.Persistence.Sql;

/// <summary>
/// One entity type's table as the EF model maps it for one provider: its name and its columns' names, looked up by
/// property and delimited by the provider's own rules (<c>"Tasks"</c>, <c>[Tasks]</c>). Raw SQL takes every name from
/// here, so a renamed property or column cannot leave a statement behind; an unmapped property throws at once.
/// </summary>
public sealed class MappedTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    public MappedTable(IModel model, ISqlGenerationHelper sql, Type clrType)
    {
        _entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped.");
        _table = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        _sql = sql;
        Name = sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    /// <summary>The delimited table name.</summary>
    public string Name { get; }

    /// <summary>The undelimited table name, as the model maps it.</summary>
    public string StoreName => _table.Name;

    /// <summary>The properties stored in a column of this table, in the model's order.</summary>
    public IReadOnlyList<IProperty> MappedProperties => [.. _entity.GetProperties().Where(p => p.GetColumnName(_table) is not null)];

    /// <summary>The undelimited column names of the table, as the model maps them.</summary>
    public IReadOnlyList<string> StoreColumns => [.. MappedProperties.Select(p => p.GetColumnName(_table)!)];

    /// <summary>The delimited column of <paramref name="property"/> (a property name of the entity).</summary>
    public string Column(string property) => _sql.DelimitIdentifier(StoreColumn(property));

    /// <summary>The undelimited column of <paramref name="property"/>, as the model maps it.</summary>
    public string StoreColumn(string property) =>
        _entity.FindProperty(property)?.GetColumnName(_table)
            ?? throw new InvalidOperationException($"{_entity.ClrType.Name}.{property} has no column in {_table.Name}.");

    /// <summary>The column qualified with the table's name: <c>"Tasks"."Id"</c>.</summary>
    public string Qualified(string property) => $"{Name}.{Column(property)}";

    /// <summary>The delimited name of the table's index over exactly <paramref name="properties"/>, in that order.</summary>
    public string IndexOn(params string[] properties) =>
        _sql.DelimitIdentifier(_entity.GetIndexes().FirstOrDefault(i => i.Properties.Select(p => p.Name).SequenceEqual(properties))?.GetDatabaseName(_table)
            ?? throw new InvalidOperationException($"{_table.Name} has no index on {string.Join(", ", properties)}."));

    /// <summary>The delimited columns of <paramref name="properties"/>, comma-separated, in that order.</summary>
    public string Columns(IEnumerable<string> properties) => string.Join(", ", properties.Select(Column));
}
