using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DirectiveFlow.Infrastructure.Persistence;

/// <summary>
/// How instants are stored per provider. SQLite cannot compare or order DateTimeOffset text, so there they are UTC
/// ticks (an integer that sorts and indexes); PostgreSQL's timestamptz accepts only UTC values, so they are normalised.
/// SQL Server stores datetimeoffset natively.
/// </summary>
public static class TimestampStorage
{
    private static readonly ValueConverter<DateTimeOffset, long> Ticks = new(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));

    private static readonly ValueConverter<DateTimeOffset, DateTimeOffset> Utc = new(
        v => v.ToUniversalTime(),
        v => v);

    public static bool IsSqlite(string? providerName) =>
        providerName?.Contains("Sqlite", StringComparison.Ordinal) == true;

    public static bool IsPostgres(string? providerName) =>
        providerName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>The value a raw SQL writer must bind for <paramref name="value"/> on this provider.</summary>
    public static object ToProviderValue(DateTimeOffset value, string? providerName) =>
        IsSqlite(providerName) ? value.UtcTicks : value.ToUniversalTime();

    public static void Apply(ModelBuilder builder, string? providerName)
    {
        ValueConverter? converter = IsSqlite(providerName) ? Ticks : IsPostgres(providerName) ? Utc : null;
        if (converter is null)
        {
            return;
        }

        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
            {
                property.SetValueConverter(converter);
            }
        }
    }
}
