using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Persistence;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty with SQLite means a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file (and attachments) live when no connection string is given.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply pending migrations at start.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider != DatabaseProvider.Sqlite)
        {
            throw new Configuration.SettingsException($"Database:ConnectionString is required for provider {Provider}.");
        }

        Directory.CreateDirectory(DataFolder);
        return $"Data Source={Path.Combine(DataFolder, "directiveflow.db")}";
    }
}
