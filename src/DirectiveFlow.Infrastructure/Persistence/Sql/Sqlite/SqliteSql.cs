using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Persistence.Sql.Sqlite;

/// <summary>SQLite's raw SQL: the connection settings, the cascade's task insert and the sweep's group writes.</summary>
public sealed class SqliteSql(SqlNames names) : ProviderSql(names)
{
    /// <summary>WAL (readers beside the one writer), normal sync, and a busy timeout that makes a second writer wait.</summary>
    public const string ConnectionPragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    /// <summary>What a read-only connection may set: it cannot switch a database into WAL mode.</summary>
    public const string ReadOnlyConnectionPragmas = "PRAGMA busy_timeout=10000;";

    public override DueGroupSql DueGroups { get; } = new(names, sqlite: true);

    /// <summary>One task from parameters <c>$p0…</c> in <see cref="TaskColumns"/> order; ignored when its unique key exists.</summary>
    public string InsertTaskOrIgnore =>
        $"INSERT OR IGNORE INTO {Names.Tasks.Name} ({Names.Tasks.Columns(TaskColumns.Properties)}) VALUES ({TaskColumns.Placeholders("$")})";

    /// <summary>
    /// One outbox row per task of a group (<paramref name="condition"/>, <see cref="DueGroupSql.Condition"/>) for one
    /// effect (<see cref="DueGroupSql.OutboxValues"/> with prefix <c>@</c>), skipping keys that exist. In key order (the
    /// unary + keeps SQLite from walking the primary key's index instead of the due range), so the tasks' new keys go
    /// into their index in order.
    /// </summary>
    public string InsertGroupOutbox(string condition) =>
        $"INSERT INTO {Names.Outbox.Name} ({Names.Outbox.Columns(OutboxColumns.InsertedNamingSharedModel)})\n" +
        $"SELECT {DueGroupSql.OutboxValues("@", Names.Tasks.Qualified(nameof(UnitTask.Id)), Names.Tasks.Qualified(nameof(UnitTask.DirectiveId)))}\n" +
        $"FROM {Names.Tasks.Name}\nWHERE {condition}\nORDER BY +{Names.Tasks.Qualified(nameof(UnitTask.Id))}\nON CONFLICT DO NOTHING";

    /// <summary>The group's tasks' new schedule fields (<c>@next</c>, <c>@chase</c>, <c>@level</c>, <c>@raised</c>).</summary>
    public string UpdateGroup(string condition) =>
        $"UPDATE {Names.Tasks.Name} SET {SetTaskSchedule("@next", "@chase", "@level", "@raised")} WHERE {condition}";
}
