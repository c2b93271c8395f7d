using System.Text;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;

/// <summary>
/// PostgreSQL's raw SQL: binary COPY for the cascade's tasks, and the sweep's multi-row and data-modifying-CTE writes
/// (over a network, fewer round trips pay).
/// </summary>
public sealed class PostgreSqlSql(SqlNames names) : ProviderSql(names)
{
    /// <summary>The temporary table a batch of tasks is copied into when some may exist already.</summary>
    private string TaskStage => Names.Delimit("df_task_stage");

    public override DueGroupSql DueGroups { get; } = new(names, sqlite: false);

    /// <summary>
    /// The sub-select's values as an array computed first: given the province's localities as a sub-select to join
    /// (<see cref="ProviderSql.UnitsInProvince"/>), PostgreSQL went by the (pillar, level) index through that pillar's
    /// commune units of the whole country (3,321 units for 168) and hashed them.
    /// </summary>
    protected override string InSelected(string column, string subSelect) => $"{column} = ANY(ARRAY({subSelect}))";

    /// <summary>
    /// Without it, until autovacuum came by, PostgreSQL planned the first cascades after an import as if the units table
    /// were nearly empty (and cached that plan): the counterparts went through the whole country by (pillar, level).
    /// </summary>
    public override string AnalyzeOrganisation => $"ANALYZE {Names.Localities.Name}, {Names.Units.Name}";

    /// <summary>The binary COPY of <see cref="TaskColumns"/> into the tasks table.</summary>
    public string CopyIntoTasks => CopyTasks(Names.Tasks.Name);

    /// <summary>The binary COPY of <see cref="TaskColumns"/> into <see cref="TaskStage"/>.</summary>
    public string CopyIntoTaskStage => CopyTasks(TaskStage);

    public string CreateTaskStage => $"CREATE TEMP TABLE {TaskStage} (LIKE {Names.Tasks.Name}) ON COMMIT DROP";

    /// <summary>The staged tasks into the table, skipping those whose unique key exists; then the stage goes.</summary>
    public string MoveStagedTasks
    {
        get
        {
            var columns = Names.Tasks.Columns(TaskColumns.Properties);
            return $"INSERT INTO {Names.Tasks.Name} ({columns}) SELECT {columns} FROM {TaskStage} ON CONFLICT DO NOTHING; DROP TABLE {TaskStage}";
        }
    }

    /// <summary>
    /// The binary COPY of outbox rows naming a shared model (<see cref="OutboxColumns.InsertedNamingSharedModel"/>); COPY
    /// has no ON CONFLICT, so only for rows whose keys cannot exist yet (the notices of tasks written in the same transaction).
    /// </summary>
    public string CopyIntoOutboxNamingSharedModel =>
        $"COPY {Names.Outbox.Name} ({Names.Outbox.Columns(OutboxColumns.InsertedNamingSharedModel)}) FROM STDIN (FORMAT BINARY)";

    private string CopyTasks(string table) => $"COPY {table} ({Names.Tasks.Columns(TaskColumns.Properties)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Parameters per row of <see cref="UpdateTaskPage"/>: id, next, chase, level, raised, old next, deadline.</summary>
    public const int TaskPageParameters = 7;

    /// <summary>
    /// A page of due tasks' new schedule fields from <paramref name="rows"/> rows of parameters <c>@p0…</c>
    /// (<see cref="TaskPageParameters"/> each), each applied only while the task's schedule and deadline are those read;
    /// answers the ids updated.
    /// </summary>
    public string UpdateTaskPage(int rows)
    {
        const string ts = "::timestamptz";
        var sql = new StringBuilder("WITH v(v_id, v_next, v_chase, v_level, v_raised, v_old, v_due) AS (VALUES ");
        for (var i = 0; i < rows; i++)
        {
            var p = i * TaskPageParameters;
            sql.Append(i == 0 ? "" : ", ").Append($"(@p{p}, @p{p + 1}{ts}, @p{p + 2}, @p{p + 3}, @p{p + 4}, @p{p + 5}{ts}, @p{p + 6}{ts})");
        }

        var tasks = Names.Tasks;
        return sql.Append($") UPDATE {tasks.Name} SET {SetTaskSchedule("v.v_next", "v.v_chase", "v.v_level", "v.v_raised")} ")
            .Append($"FROM v WHERE {tasks.Qualified(nameof(UnitTask.Id))} = v.v_id AND {tasks.Qualified(nameof(UnitTask.NextActionAt))} = v.v_old ")
            .Append($"AND {tasks.Qualified(nameof(UnitTask.DueAt))} = v.v_due RETURNING {tasks.Column(nameof(UnitTask.Id))}")
            .ToString();
    }

    /// <summary>
    /// <paramref name="rows"/> outbox rows from parameters <c>@p0…</c> (<see cref="OutboxColumns.Inserted"/> each), skipping
    /// keys that exist; answers the task and key of each row written.
    /// </summary>
    public string InsertOutboxPage(int rows)
    {
        var width = OutboxColumns.Inserted.Count;
        var sql = new StringBuilder($"INSERT INTO {Names.Outbox.Name} ({Names.Outbox.Columns(OutboxColumns.Inserted)}) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (").AppendJoin(", ", Enumerable.Range(i * width, width).Select(p => "@p" + p)).Append(')');
        }

        return sql.Append($" ON CONFLICT DO NOTHING RETURNING {Names.Outbox.Columns([nameof(OutboxMessage.TaskId), nameof(OutboxMessage.DedupeKey)])}").ToString();
    }

    /// <summary><c>@n</c> new ids from the shared models' identity.</summary>
    public string DrawOutboxModelIds =>
        $"SELECT nextval(pg_get_serial_sequence('{Names.OutboxModels.Name}', '{Names.OutboxModels.StoreColumn(nameof(OutboxModel.Id))}')) FROM generate_series(1, @n)";

    /// <summary>Shared models with drawn ids, from the arrays <c>@ids</c>, <c>@jsons</c>, <c>@roles</c>, all created <c>@now</c>.</summary>
    public string InsertOutboxModels =>
        $"INSERT INTO {Names.OutboxModels.Name} ({Names.OutboxModels.Columns([nameof(OutboxModel.Id), nameof(OutboxModel.Json), nameof(OutboxModel.RecipientRole), nameof(OutboxModel.CreatedAt)])}) " +
        "SELECT x.i, x.j, x.r, @now FROM unnest(@ids, @jsons, @roles) AS x(i, j, r)";

    /// <summary>
    /// A group's whole write as one statement on one snapshot: its tasks' new schedule fields (<c>@next</c>,
    /// <c>@chase</c>, <c>@level</c>, <c>@raised</c>, selected by <paramref name="condition"/>), then per effect e one
    /// outbox row for exactly each task updated (<see cref="DueGroupSql.OutboxValues"/> with prefix <c>@e{e}_</c>).
    /// Answers one row: the tasks updated, then the rows written per effect.
    /// </summary>
    public string UpdateGroupWithOutbox(string condition, int effects)
    {
        var sql = new StringBuilder(
            $"WITH upd AS (UPDATE {Names.Tasks.Name} SET {SetTaskSchedule("@next", "@chase", "@level", "@raised")}\n" +
            $"    WHERE {condition}\n    RETURNING {Names.Tasks.Qualified(nameof(UnitTask.Id))}, {Names.Tasks.Qualified(nameof(UnitTask.DirectiveId))})");
        var id = "upd." + Names.Tasks.Column(nameof(UnitTask.Id));
        for (var e = 0; e < effects; e++)
        {
            sql.Append($",\no{e} AS (INSERT INTO {Names.Outbox.Name} ({Names.Outbox.Columns(OutboxColumns.InsertedNamingSharedModel)})\n")
                .Append($"    SELECT {DueGroupSql.OutboxValues($"@e{e}_", id, "upd." + Names.Tasks.Column(nameof(UnitTask.DirectiveId)))}\n")
                .Append($"    FROM upd\n    ORDER BY {id}\n    ON CONFLICT DO NOTHING\n    RETURNING 1)");
        }

        return sql.Append("\nSELECT (SELECT count(*) FROM upd)")
            .Append(string.Concat(Enumerable.Range(0, effects).Select(e => $", (SELECT count(*) FROM o{e})"))).ToString();
    }
}
