using System.Data.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence.Sql;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// A uniform due group: due tasks that share every column the <see cref="DueWorkPlanner"/> reads except their
/// identity — same directive, assigner, status, deadline, policy, ladder position and progress cadence (and, with a
/// cadence, the same last report); <see cref="BindCondition"/> selects exactly those. The planner then decides the
/// same for all of them, up to the task's own id, title and unit, so the group is swept with a few set-based
/// statements instead of row by row (<see cref="UniformDueGroupWriter"/>; the pipeline: <c>README.md</c> here).
/// <para>The tasks' creation times only matter to pre-deadline notices (none from before the task existed); a group
/// spans <see cref="FirstCreatedAt"/>..<see cref="LastCreatedAt"/> and is used only when both ends plan alike.</para>
/// </summary>
public sealed record UniformDueGroup(
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
    /// The groups of tasks due at <paramref name="now"/>, largest first: due tasks are grouped by directive, status,
    /// deadline and ladder level (a narrow sort; grouping by every column the planner reads costs the sweep more than
    /// its own writes), and each group of at least <paramref name="minimum"/> takes the other columns from one of its
    /// tasks. <see cref="Count"/> is the group's size: members that differ from that task in another column do not
    /// match <see cref="BindCondition"/>, are left due, and form a group of their own on the next search.
    /// </summary>
    public static async Task<List<UniformDueGroup>> FindAsync(
        DbConnection connection, DueGroupSql sql, ProviderValues values, DateTimeOffset now, int minimum, CancellationToken cancellationToken)
    {
        var found = new List<(Guid Directive, string Status, DateTimeOffset DueAt, int Level, int Count, DateTimeOffset First, DateTimeOffset Last)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sql.FindGroups;
            Add(command, "@now", values.Time(now));
            Add(command, "@minimum", minimum);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((values.ReadId(reader, 0), reader.GetString(1), values.ReadTime(reader, 2)!.Value, reader.GetInt32(3),
                    Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
                    values.ReadTime(reader, 5)!.Value, values.ReadTime(reader, 6)!.Value));
            }
        }

        var groups = new List<UniformDueGroup>(found.Count);
        foreach (var group in found)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql.FirstMember;
            Add(command, "@now", values.Time(now));
            Add(command, "@directive", values.Id(group.Directive));
            Add(command, "@status", group.Status);
            Add(command, "@due", values.Time(group.DueAt));
            Add(command, "@level", group.Level);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(FromMember(reader, values, group.Directive, group.Status, group.DueAt, group.Level, group.Count, group.First, group.Last));
            }
        }

        return groups;
    }

    /// <summary>A group from the columns <see cref="DueGroupSql"/> reads of one member (the first six of the row).</summary>
    private static UniformDueGroup FromMember(
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
    /// The group of the earliest due task, with exactly its creation time, or null when nothing is due. A cascade
    /// falling due all at once (its tasks are created together) is one group: this finds it with one indexed read,
    /// where <see cref="FindAsync"/> reads every due task. <see cref="Count"/> is unknown (0).
    /// </summary>
    public static async Task<UniformDueGroup?> OfEarliestDueAsync(
        DbConnection connection, DueGroupSql sql, ProviderValues values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.EarliestDue;
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
    /// A task of this group, created at <paramref name="createdAt"/>, with the <see cref="SharedModel"/> placeholders for
    /// its id and title (and no unit): its email model is shared by the group's tasks, each task's own put in at dispatch.
    /// </summary>
    public SweepTask Representative(DateTimeOffset createdAt) => new(
        SharedModel.TaskIdSentinel, DirectiveId, Guid.Empty, "", Guid.Empty, AssignerUnitId, SharedModel.TitleSentinel, Status, createdAt, DueAt,
        AcknowledgedAt: null, LastProgressAt: ProgressAnchor, ProgressCadence, NextActionAt: null, ChaseCount, EscalationLevel, IsRaised, PolicyJson);

    /// <summary>
    /// The condition (<see cref="DueGroupSql.Condition"/>) that selects this group's tasks still due at @now, binding
    /// its parameters on <paramref name="command"/>. A task changed since the group was read no longer matches, so it is
    /// left alone.
    /// </summary>
    public string BindCondition(DbCommand command, DueGroupSql sql, ProviderValues values)
    {
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
        if (PolicyJson is not null)
        {
            Add(command, "@c_policy", PolicyJson);
        }

        if (ProgressAnchor is { } anchor)
        {
            Add(command, "@c_anchor", values.Time(anchor));
        }

        return sql.Condition(hasPolicy: PolicyJson is not null, hasAnchor: ProgressAnchor is not null);
    }

    internal static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
