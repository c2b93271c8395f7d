using System.Data.Common;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DirectiveFlow.Infrastructure.Persistence.Sql;

/// <summary>
/// What raw ADO.NET commands must bind so their rows read back like EF's: SQLite keeps Guids as upper-case text and
/// instants as UTC ticks (see <see cref="TimestampStorage"/>); the other providers take the values as they are.
/// </summary>
public sealed class ProviderValues(string? providerName)
{
    public bool IsSqlite { get; } = TimestampStorage.IsSqlite(providerName);

    public bool IsPostgres { get; } = TimestampStorage.IsPostgres(providerName);

    public bool IsSqlServer => !IsSqlite && !IsPostgres;

    public string? ProviderName { get; } = providerName;

    public object Id(Guid value) => IsSqlite ? value.ToString().ToUpperInvariant() : value;

    public object NullableId(Guid? value) => value is { } v ? Id(v) : DBNull.Value;

    public object Time(DateTimeOffset value) => TimestampStorage.ToProviderValue(value, ProviderName);

    public object NullableTime(DateTimeOffset? value) => value is { } v ? Time(v) : DBNull.Value;

    public static object Text(string? value) => value is null ? DBNull.Value : value;

    /// <summary>
    /// A parameter of <paramref name="database"/>'s provider, named as a statement of <see cref="ProviderSql"/> names it
    /// (<c>@id</c>), for running that statement through EF (<c>ExecuteSqlRaw</c>). Bind values as this class gives them.
    /// </summary>
    public static DbParameter Named(DatabaseFacade database, string name, object value)
    {
        var parameter = DbProviderFactories.GetFactory(database.GetDbConnection())?.CreateParameter()
            ?? throw new InvalidOperationException($"{database.ProviderName} creates no parameters.");
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    /// <summary>Reads a Guid column written by EF or by <see cref="Id"/>.</summary>
    public Guid ReadId(DbDataReader reader, int ordinal) => IsSqlite ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal);

    /// <summary>Reads an instant column written by EF or by <see cref="Time"/>; null for NULL.</summary>
    public DateTimeOffset? ReadTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : IsSqlite ? new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero)
        : reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();
}
