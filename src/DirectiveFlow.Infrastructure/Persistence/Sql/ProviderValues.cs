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
    /// Runs a statement of <see cref="ProviderSql"/> through EF (so it joins the context's connection and transaction)
    /// with its named parameters (<c>@id</c>); bind the values as this class gives them (<see cref="Id"/>, <see cref="Time"/>).
    /// </summary>
    public static Task<int> ExecuteAsync(DatabaseFacade database, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        database.ExecuteSqlRawAsync(sql, Parameters(database, parameters), cancellationToken);

    /// <summary>
    /// The named parameters of a <see cref="ProviderSql"/> query, for EF's <c>FromSqlRaw</c> (which then reads its
    /// rows as entities, with the model's conversions).
    /// </summary>
    public static object[] Parameters(DatabaseFacade database, params (string Name, object Value)[] parameters) =>
        parameters.Select(p => (object)Named(database, p.Name, p.Value)).ToArray();

    private static DbParameter Named(DatabaseFacade database, string name, object value)
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
