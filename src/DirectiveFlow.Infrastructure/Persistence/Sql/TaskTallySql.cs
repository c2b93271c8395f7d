using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Persistence.Sql;

/// <summary>
/// The SQL that keeps "TaskTallies" equal to a GROUP BY of the counted tasks, per provider: triggers on "Tasks" that
/// apply each change's old→new key delta as an atomic <c>"Count" = "Count" + n</c> upsert in the writer's own
/// transaction (EF's tracked changes, ExecuteUpdate, raw SQL, PostgreSQL binary COPY and SQLite prepared inserts
/// alike, so no writer can forget it), and the rebuild (a set-based INSERT … SELECT … GROUP BY) the migration backfills
/// with and <c>rebuild-tallies</c> runs. Rows whose count fell to 0 stay (they count nothing) until a rebuild.
/// A task's key: its directive, its lead unit's pillar, level and province, its bucket (<see cref="DirectiveFlow.Infrastructure.Reports.Tallies.TallyBucket"/>: the
/// status class, and for a completed task whether CompletedAt ≤ DueAt — the "on time" test of
/// <c>TaskCategories</c>, the only part of a category that does not depend on now), DueAt, CreatedAt, and the
/// Monday (Asia/Ho_Chi_Minh, UTC+7 without daylight saving) of CompletedAt's week.
/// </summary>
public static class TaskTallySql
{
    /// <summary>The name EF knows the triggers by (SQL Server's one trigger; SQLite and PostgreSQL add suffixes).</summary>
    public const string TriggerName = "TR_Tasks_Tallies";

    private const string KeyColumns = """
        "DirectiveId", "Pillar", "Level", "ProvinceCode", "Bucket", "DueAt", "CreatedAt", "CompletedWeek", "CompletedAtWeekStart"
        """;

    /// <summary>The statements creating the triggers on <paramref name="provider"/> (run each as one command).</summary>
    public static IReadOnlyList<string> CreateTriggers(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteTriggers(),
        DatabaseProvider.PostgreSql => PostgresTriggers(),
        DatabaseProvider.SqlServer => [SqlServerTrigger()],
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>The statements dropping them.</summary>
    public static IReadOnlyList<string> DropTriggers(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite =>
        [
            $"""DROP TRIGGER IF EXISTS "{TriggerName}_Insert";""",
            $"""DROP TRIGGER IF EXISTS "{TriggerName}_Update";""",
            $"""DROP TRIGGER IF EXISTS "{TriggerName}_Delete";""",
        ],
        DatabaseProvider.PostgreSql =>
        [
            $"""DROP TRIGGER IF EXISTS "{TriggerName}_Insert" ON "Tasks";""",
            $"""DROP TRIGGER IF EXISTS "{TriggerName}_Update" ON "Tasks";""",
            $"""DROP TRIGGER IF EXISTS "{TriggerName}_Delete" ON "Tasks";""",
            """DROP FUNCTION IF EXISTS "Tasks_Tallies_Insert"(); DROP FUNCTION IF EXISTS "Tasks_Tallies_Update"(); DROP FUNCTION IF EXISTS "Tasks_Tallies_Delete"();""",
        ],
        DatabaseProvider.SqlServer => [$"""DROP TRIGGER IF EXISTS "{TriggerName}";"""],
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>
    /// Empties the tallies and counts every task again in one statement — the migration's backfill, and the repair should
    /// they ever be doubted (the overview would be wrong until then; run it with writers stopped).
    /// </summary>
    public static IReadOnlyList<string> Rebuild(DatabaseProvider provider) =>
    [
        """DELETE FROM "TaskTallies";""",
        $"""INSERT INTO "TaskTallies" ({KeyColumns}, "Count") {Grouped(provider, "\"Tasks\"", "COUNT(*)")};""",
    ];

    /// <summary>The keys of the counted tasks of <paramref name="source"/> (a table, or a one-row derived table), each with <paramref name="count"/>.</summary>
    private static string Grouped(DatabaseProvider provider, string source, string count) => $"""
        SELECT {KeyColumns}, {count} AS "Count" FROM (
            SELECT t."DirectiveId" AS "DirectiveId", u."Pillar" AS "Pillar", u."Level" AS "Level",
                COALESCE(p."Code", u."LocalityCode") AS "ProvinceCode",
                CASE WHEN t."Status" = 'Cancelled' THEN 'Cancelled'
                    WHEN t."Status" = 'Completed' THEN
                        CASE WHEN t."CompletedAt" IS NOT NULL AND t."CompletedAt" <= t."DueAt" THEN 'CompletedOnTime' ELSE 'CompletedLate' END
                    WHEN t."Status" = 'Assigned' THEN 'Assigned' ELSE 'Open' END AS "Bucket",
                t."DueAt" AS "DueAt", t."CreatedAt" AS "CreatedAt",
                {Week(provider, "t.\"CompletedAt\"")} AS "CompletedWeek",
                CASE WHEN t."CompletedAt" IS NOT NULL AND {Week(provider, "t.\"CompletedAt\"")} = t."CompletedAt" THEN {True(provider)} ELSE {False(provider)} END AS "CompletedAtWeekStart"
            FROM {source} t
            JOIN "Units" u ON u."Id" = t."UnitId"
            LEFT JOIN "Localities" l ON l."Id" = u."LocalityId"
            LEFT JOIN "Localities" p ON p."Id" = l."ParentId"
            WHERE t."ParentTaskId" IS NULL) k
        WHERE 1 = 1
        GROUP BY {KeyColumns}
        """;

    /// <summary>Monday 00:00 UTC+7 of the week of <paramref name="instant"/> as the provider stores instants; year 1 when null.</summary>
    private static string Week(DatabaseProvider provider, string instant) => provider switch
    {
        // UTC ticks; 1 January of year 1 was a Monday, so whole weeks of local ticks since then start on Mondays.
        DatabaseProvider.Sqlite => $"COALESCE((({instant} + 252000000000) / 6048000000000) * 6048000000000 - 252000000000, 0)",
        DatabaseProvider.PostgreSql =>
            $"COALESCE((date_trunc('week', ({instant} AT TIME ZONE 'UTC') + interval '7 hours') - interval '7 hours') AT TIME ZONE 'UTC', timestamptz '0001-01-01 00:00:00+00')",
        DatabaseProvider.SqlServer =>
            $"COALESCE(TODATETIMEOFFSET(DATEADD(hour, -7, DATEADD(day, DATEDIFF(day, CAST('0001-01-01' AS datetime2), DATEADD(hour, 7, CAST(SWITCHOFFSET({instant}, '+00:00') AS datetime2))) / 7 * 7, CAST('0001-01-01' AS datetime2))), '+00:00'), CAST('0001-01-01T00:00:00+00:00' AS datetimeoffset))",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static string True(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql ? "TRUE" : "1";

    private static string False(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql ? "FALSE" : "0";

    /// <summary>A one-row derived table of a trigger's OLD or NEW row, with the columns the key reads.</summary>
    private static string Row(string row) => $"""
        (SELECT {row}."DirectiveId" AS "DirectiveId", {row}."UnitId" AS "UnitId", {row}."ParentTaskId" AS "ParentTaskId",
            {row}."Status" AS "Status", {row}."DueAt" AS "DueAt", {row}."CreatedAt" AS "CreatedAt", {row}."CompletedAt" AS "CompletedAt")
        """;

    private const string KeyChanged = """
        OLD."Status" IS NOT NEW."Status" OR OLD."DueAt" IS NOT NEW."DueAt" OR OLD."CompletedAt" IS NOT NEW."CompletedAt"
            OR OLD."CreatedAt" IS NOT NEW."CreatedAt" OR OLD."UnitId" IS NOT NEW."UnitId" OR OLD."DirectiveId" IS NOT NEW."DirectiveId"
            OR OLD."ParentTaskId" IS NOT NEW."ParentTaskId"
        """;

    private static string Upsert(DatabaseProvider provider, string source, string count) => $"""
        INSERT INTO "TaskTallies" ({KeyColumns}, "Count")
        {Grouped(provider, source, count)}
        ON CONFLICT ({KeyColumns}) DO UPDATE SET "Count" = "TaskTallies"."Count" + excluded."Count"
        """;

    private static List<string> SqliteTriggers() =>
    [
        $"""
        CREATE TRIGGER "{TriggerName}_Insert" AFTER INSERT ON "Tasks" WHEN NEW."ParentTaskId" IS NULL
        BEGIN
        {Upsert(DatabaseProvider.Sqlite, Row("NEW"), "COUNT(*)")};
        END;
        """,
        $"""
        CREATE TRIGGER "{TriggerName}_Delete" AFTER DELETE ON "Tasks" WHEN OLD."ParentTaskId" IS NULL
        BEGIN
        {Upsert(DatabaseProvider.Sqlite, Row("OLD"), "-COUNT(*)")};
        END;
        """,
        $"""
        CREATE TRIGGER "{TriggerName}_Update" AFTER UPDATE OF "Status", "DueAt", "CompletedAt", "CreatedAt", "UnitId", "DirectiveId", "ParentTaskId" ON "Tasks"
        WHEN {KeyChanged}
        BEGIN
        {Upsert(DatabaseProvider.Sqlite, Row("OLD"), "-COUNT(*)")};
        {Upsert(DatabaseProvider.Sqlite, Row("NEW"), "COUNT(*)")};
        END;
        """,
    ];

    /// <summary>
    /// Inserts and deletes per statement over the transition table (one grouped upsert for a whole COPY of a cascade);
    /// updates per row and only when a key column changed (the sweep's updates do not fire it). An update first takes
    /// a transaction lock on its directive (all of a task's rows share it), so two transactions moving tasks between
    /// the same two rows in opposite directions queue instead of deadlocking.
    /// </summary>
    private static List<string> PostgresTriggers()
    {
        var changed = KeyChanged.Replace("IS NOT", "IS DISTINCT FROM", StringComparison.Ordinal);
        var pg = DatabaseProvider.PostgreSql;
        return
        [
            $"""
            CREATE FUNCTION "Tasks_Tallies_Insert"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            {Upsert(pg, "new_rows", "COUNT(*)")};
            RETURN NULL;
            END $$;
            """,
            $"""
            CREATE FUNCTION "Tasks_Tallies_Delete"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            {Upsert(pg, "old_rows", "-COUNT(*)")};
            RETURN NULL;
            END $$;
            """,
            $"""
            CREATE FUNCTION "Tasks_Tallies_Update"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            PERFORM pg_advisory_xact_lock(7311, hashtext(NEW."DirectiveId"::text));
            {Upsert(pg, Row("OLD"), "-COUNT(*)")};
            {Upsert(pg, Row("NEW"), "COUNT(*)")};
            RETURN NULL;
            END $$;
            """,
            $"""
            CREATE TRIGGER "{TriggerName}_Insert" AFTER INSERT ON "Tasks" REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION "Tasks_Tallies_Insert"();
            """,
            $"""
            CREATE TRIGGER "{TriggerName}_Delete" AFTER DELETE ON "Tasks" REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION "Tasks_Tallies_Delete"();
            """,
            $"""
            CREATE TRIGGER "{TriggerName}_Update" AFTER UPDATE ON "Tasks" FOR EACH ROW
            WHEN ({changed}) EXECUTE FUNCTION "Tasks_Tallies_Update"();
            """,
        ];
    }

    /// <summary>One trigger for the three events: the net delta of "deleted" (−1) and "inserted" (+1) per key, merged under a key-range lock.</summary>
    private static string SqlServerTrigger()
    {
        var ss = DatabaseProvider.SqlServer;
        return $"""
            CREATE TRIGGER "{TriggerName}" ON "Tasks" AFTER INSERT, UPDATE, DELETE AS
            BEGIN
                SET NOCOUNT ON;
                IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
                    AND NOT (UPDATE("Status") OR UPDATE("DueAt") OR UPDATE("CompletedAt") OR UPDATE("CreatedAt") OR UPDATE("UnitId")
                        OR UPDATE("DirectiveId") OR UPDATE("ParentTaskId"))
                    RETURN;
                MERGE "TaskTallies" WITH (HOLDLOCK) AS target
                USING (
                    SELECT {KeyColumns}, SUM("Count") AS "Count" FROM (
                        {Grouped(ss, "inserted", "COUNT(*)")}
                        UNION ALL
                        {Grouped(ss, "deleted", "-COUNT(*)")}) d
                    GROUP BY {KeyColumns}
                    HAVING SUM("Count") <> 0) AS source ("DirectiveId", "Pillar", "Level", "ProvinceCode", "Bucket", "DueAt", "CreatedAt", "CompletedWeek", "CompletedAtWeekStart", "Count")
                ON target."DirectiveId" = source."DirectiveId" AND target."Pillar" = source."Pillar" AND target."Level" = source."Level"
                    AND target."ProvinceCode" = source."ProvinceCode" AND target."Bucket" = source."Bucket" AND target."DueAt" = source."DueAt"
                    AND target."CreatedAt" = source."CreatedAt" AND target."CompletedWeek" = source."CompletedWeek"
                    AND target."CompletedAtWeekStart" = source."CompletedAtWeekStart"
                WHEN MATCHED THEN UPDATE SET "Count" = target."Count" + source."Count"
                WHEN NOT MATCHED THEN INSERT ({KeyColumns}, "Count")
                    VALUES (source."DirectiveId", source."Pillar", source."Level", source."ProvinceCode", source."Bucket", source."DueAt",
                        source."CreatedAt", source."CompletedWeek", source."CompletedAtWeekStart", source."Count");
            END;
            """;
    }
}
