using System.Data.Common;
using System.Text;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// Due tasks that share every column the <see cref="DueWorkPlanner"/> reads except their identity: same directive,
/// assigner, status, deadline, policy, ladder position and progress cadence (and, with a cadence, the same last
/// report); <see cref="Condition"/> selects exactly those. The planner then decides the same for all of them, up to the task's own id, title and unit, so the class
/// is swept with a few set-based statements instead of row by row (<see cref="SweepClassWriter"/>).
/// <para>The tasks' creation times only matter to pre-deadline notices (none from before the task existed); a class
/// spans <see cref="FirstCreatedAt"/>..<see cref="LastCreatedAt"/> and is used only when both ends plan alike.</para>
/// </summary>
public sealed record SweepClass(
    Guid DirectiveId,
    Guid AssignerUnitId,
    UnitTaskStatus Status,
    DateTimeOffset DueAt,
    string? PolicyJson,
    int EscalationLevel,
    int ChaseCount,
    bool IsRaised,
    ProgressCadence ProgressCadence,
    DateTimeOffset? ProgressAnchor,
    int Count,
    DateTimeOffset FirstCreatedAt,
    DateTimeOffset LastCreatedAt)
{
    /// <summary>
    /// The classes of tasks due at <paramref name="now"/>, largest first: due tasks are grouped by directive, status,
    /// deadline and ladder level (a narrow sort; grouping by every column the planner reads costs the sweep more than
    /// its own writes), and each group of at least <paramref name="minimum"/> becomes a class with the other columns of
    /// one of its tasks. <see cref="Count"/> is the group's size: members that differ from that task in another column
    /// do not match <see cref="Condition"/>, are left due, and form a class of their own on the next search.
    /// </summary>
    public static async Task<List<SweepClass>> FindAsync(
        DbConnection connection, ProviderValues values, DateTimeOffset now, int minimum, CancellationToken cancellationToken)
    {
        var groups = new List<(Guid Directive, string Status, DateTimeOffset DueAt, int Level, int Count, DateTimeOffset First, DateTimeOffset Last)>();
        await using (var command = connection.CreateCommand())
        {
            // SQLite without statistics would rather walk the (DirectiveId, Status) index through every task to save the
            // sort; the due range is what must be read, however many tasks are not due.
            command.CommandText = $"""
                SELECT "DirectiveId", "Status", "DueAt", "EscalationLevel", COUNT(*), MIN("CreatedAt"), MAX("CreatedAt")
                FROM "Tasks"{(values.IsSqlite ? " INDEXED BY \"IX_Tasks_NextActionAt\"" : "")}
                WHERE "NextActionAt" <= @now
                GROUP BY 1, 2, 3, 4
                HAVING COUNT(*) >= @minimum
                ORDER BY 5 DESC
                """;
            Add(command, "@now", values.Time(now));
            Add(command, "@minimum", minimum);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add((values.ReadId(reader, 0), reader.GetString(1), values.ReadTime(reader, 2)!.Value, reader.GetInt32(3),
                    Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
                    values.ReadTime(reader, 5)!.Value, values.ReadTime(reader, 6)!.Value));
            }
        }

        var classes = new List<SweepClass>(groups.Count);
        foreach (var group in groups)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT {MemberColumns}
                FROM "Tasks"
                WHERE "NextActionAt" <= @now AND "DirectiveId" = @directive AND "Status" = @status AND "DueAt" = @due AND "EscalationLevel" = @level
                LIMIT 1
                """;
            Add(command, "@now", values.Time(now));
            Add(command, "@directive", values.Id(group.Directive));
            Add(command, "@status", group.Status);
            Add(command, "@due", values.Time(group.DueAt));
            Add(command, "@level", group.Level);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                classes.Add(FromMember(reader, values, group.Directive, group.Status, group.DueAt, group.Level, group.Count, group.First, group.Last));
            }
        }

        return classes;
    }

    /// <summary>The columns of a class that come from one of its members (read by <see cref="FromMember"/>).</summary>
    private const string MemberColumns = """
        "AssignerUnitId", "PolicyJson", "ChaseCount", "IsRaised", "ProgressCadence",
            CASE WHEN "ProgressCadence" <> 'None' THEN COALESCE("LastProgressAt", "AcknowledgedAt", "CreatedAt") END
        """;

    private static SweepClass FromMember(
        DbDataReader reader, ProviderValues values, Guid directive, string status, DateTimeOffset dueAt, int level, int count,
        DateTimeOffset first, DateTimeOffset last) => new(
        directive,
        values.ReadId(reader, 0),
        Enum.Parse<UnitTaskStatus>(status),
        dueAt,
        reader.IsDBNull(1) ? null : reader.GetString(1),
        level,
        reader.GetInt32(2),
        reader.GetBoolean(3),
        Enum.Parse<ProgressCadence>(reader.GetString(4)),
        values.ReadTime(reader, 5),
        count,
        first,
        last);

    /// <summary>
    /// The class of the earliest due task, with exactly its creation time, or null when nothing is due. A cascade
    /// falling due all at once (its tasks are created together) is one class: this finds it with one indexed read,
    /// where <see cref="FindAsync"/> reads every due task. <see cref="Count"/> is unknown (0).
    /// </summary>
    public static async Task<SweepClass?> OfEarliestDueAsync(
        DbConnection connection, ProviderValues values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {MemberColumns}, "DirectiveId", "Status", "DueAt", "EscalationLevel", "CreatedAt"
            FROM "Tasks"
            WHERE "NextActionAt" <= @now
            ORDER BY "NextActionAt"
            LIMIT 1
            """;
        Add(command, "@now", values.Time(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var createdAt = values.ReadTime(reader, 10)!.Value;
        return FromMember(reader, values, values.ReadId(reader, 6), reader.GetString(7), values.ReadTime(reader, 8)!.Value, reader.GetInt32(9),
            0, createdAt, createdAt);
    }

    /// <summary>
    /// A task of this class, created at <paramref name="createdAt"/>, with the <see cref="SharedModel"/> sentinels for
    /// its id and title (and no unit): its email model is shared by the class's tasks, each task's own put in at dispatch.
    /// </summary>
    public SweepTask Representative(DateTimeOffset createdAt) => new(
        SharedModel.TaskIdSentinel, DirectiveId, Guid.Empty, "", Guid.Empty, AssignerUnitId, SharedModel.TitleSentinel, Status, createdAt, DueAt,
        AcknowledgedAt: null, LastProgressAt: ProgressAnchor, ProgressCadence, NextActionAt: null, ChaseCount, EscalationLevel, IsRaised, PolicyJson);

    /// <summary>
    /// The SQL condition (on <c>"Tasks"</c>) that selects this class's tasks still due at @now, binding its parameters
    /// on <paramref name="command"/>. A task changed since the class was read no longer matches, so it is left alone.
    /// </summary>
    public string Condition(DbCommand command, ProviderValues values)
    {
        var sql = new StringBuilder("""
            "Tasks"."NextActionAt" <= @now AND "Tasks"."DirectiveId" = @c_directive AND "Tasks"."AssignerUnitId" = @c_assigner
            AND "Tasks"."Status" = @c_status AND "Tasks"."DueAt" = @c_due AND "Tasks"."EscalationLevel" = @c_level
            AND "Tasks"."ChaseCount" = @c_chase AND "Tasks"."IsRaised" = @c_raised AND "Tasks"."ProgressCadence" = @c_cadence
            AND "Tasks"."CreatedAt" >= @c_first AND "Tasks"."CreatedAt" <= @c_last
            """);
        Add(command, "@c_directive", values.Id(DirectiveId));
        Add(command, "@c_assigner", values.Id(AssignerUnitId));
        Add(command, "@c_status", Status.ToString());
        Add(command, "@c_due", values.Time(DueAt));
        Add(command, "@c_level", EscalationLevel);
        Add(command, "@c_chase", ChaseCount);
        Add(command, "@c_raised", IsRaised);
        Add(command, "@c_cadence", ProgressCadence.ToString());
        Add(command, "@c_first", values.Time(FirstCreatedAt));
        Add(command, "@c_last", values.Time(LastCreatedAt));
        if (PolicyJson is null)
        {
            sql.Append(" AND \"Tasks\".\"PolicyJson\" IS NULL");
        }
        else
        {
            sql.Append(" AND \"Tasks\".\"PolicyJson\" = @c_policy");
            Add(command, "@c_policy", PolicyJson);
        }

        if (ProgressAnchor is { } anchor)
        {
            sql.Append(" AND COALESCE(\"Tasks\".\"LastProgressAt\", \"Tasks\".\"AcknowledgedAt\", \"Tasks\".\"CreatedAt\") = @c_anchor");
            Add(command, "@c_anchor", values.Time(anchor));
        }

        return sql.ToString();
    }

    internal static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
