using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Persistence.Sql;

/// <summary>
/// The sweep's search for groups of due tasks that are decided alike, and the condition that selects a group's tasks
/// (see <c>Scheduling/Sweep/README.md</c>). SQLite and PostgreSQL share this text (LIMIT, ON CONFLICT); SQL Server's
/// sweep goes row by row and issues none of it.
/// </summary>
public sealed class DueGroupSql(SqlNames names, bool sqlite)
{
    private MappedTable Tasks => names.Tasks;

    private string T(string property) => Tasks.Column(property);

    /// <summary>
    /// Due tasks (<c>@now</c>) grouped by directive, status, deadline and ladder level, groups of at least
    /// <c>@minimum</c>, largest first: directive, status, deadline, level, count, first and last creation time.
    /// </summary>
    public string FindGroups =>
        // SQLite without statistics would rather walk the (DirectiveId, Status) index through every task to save the
        // sort; the due range is what must be read, however many tasks are not due.
        $"SELECT {T(nameof(UnitTask.DirectiveId))}, {T(nameof(UnitTask.Status))}, {T(nameof(UnitTask.DueAt))}, {T(nameof(UnitTask.EscalationLevel))}, " +
        $"COUNT(*), MIN({T(nameof(UnitTask.CreatedAt))}), MAX({T(nameof(UnitTask.CreatedAt))})\n" +
        $"FROM {Tasks.Name}{(sqlite ? $" INDEXED BY {Tasks.IndexOn(nameof(UnitTask.NextActionAt))}" : "")}\n" +
        $"WHERE {T(nameof(UnitTask.NextActionAt))} <= @now\nGROUP BY 1, 2, 3, 4\nHAVING COUNT(*) >= @minimum\nORDER BY 5 DESC";

    /// <summary><see cref="MemberColumns"/> of one due task of the group <c>@directive</c>, <c>@status</c>, <c>@due</c>, <c>@level</c>.</summary>
    public string FirstMember =>
        $"SELECT {MemberColumns}\nFROM {Tasks.Name}\n" +
        $"WHERE {T(nameof(UnitTask.NextActionAt))} <= @now AND {T(nameof(UnitTask.DirectiveId))} = @directive AND {T(nameof(UnitTask.Status))} = @status " +
        $"AND {T(nameof(UnitTask.DueAt))} = @due AND {T(nameof(UnitTask.EscalationLevel))} = @level\nLIMIT 1";

    /// <summary><see cref="MemberColumns"/>, then directive, status, deadline, level and creation time of the earliest due task.</summary>
    public string EarliestDue =>
        $"SELECT {MemberColumns}, {T(nameof(UnitTask.DirectiveId))}, {T(nameof(UnitTask.Status))}, {T(nameof(UnitTask.DueAt))}, " +
        $"{T(nameof(UnitTask.EscalationLevel))}, {T(nameof(UnitTask.CreatedAt))}\nFROM {Tasks.Name}\n" +
        $"WHERE {T(nameof(UnitTask.NextActionAt))} <= @now\nORDER BY {T(nameof(UnitTask.NextActionAt))}\nLIMIT 1";

    /// <summary>
    /// The columns a group takes from one member: assigner, policy, chase count, raised, cadence and, with a cadence,
    /// the last report's anchor.
    /// </summary>
    private string MemberColumns =>
        $"{T(nameof(UnitTask.AssignerUnitId))}, {T(nameof(UnitTask.PolicyJson))}, {T(nameof(UnitTask.ChaseCount))}, {T(nameof(UnitTask.IsRaised))}, " +
        $"{T(nameof(UnitTask.ProgressCadence))}, CASE WHEN {T(nameof(UnitTask.ProgressCadence))} <> '{nameof(ProgressCadence.None)}' THEN {ProgressAnchor(Tasks.Column)} END";

    /// <summary>
    /// The condition on the tasks table that selects a group's tasks still due at <c>@now</c>, from parameters
    /// <c>@c_directive</c>, <c>@c_assigner</c>, <c>@c_status</c>, <c>@c_due</c>, <c>@c_level</c>, <c>@c_chase</c>,
    /// <c>@c_raised</c>, <c>@c_cadence</c>, <c>@c_first</c>, <c>@c_last</c> and, when given, <c>@c_policy</c> and <c>@c_anchor</c>.
    /// </summary>
    public string Condition(bool hasPolicy, bool hasAnchor)
    {
        string Q(string property) => Tasks.Qualified(property);
        return $"{Q(nameof(UnitTask.NextActionAt))} <= @now AND {Q(nameof(UnitTask.DirectiveId))} = @c_directive AND {Q(nameof(UnitTask.AssignerUnitId))} = @c_assigner\n" +
            $"AND {Q(nameof(UnitTask.Status))} = @c_status AND {Q(nameof(UnitTask.DueAt))} = @c_due AND {Q(nameof(UnitTask.EscalationLevel))} = @c_level\n" +
            $"AND {Q(nameof(UnitTask.ChaseCount))} = @c_chase AND {Q(nameof(UnitTask.IsRaised))} = @c_raised AND {Q(nameof(UnitTask.ProgressCadence))} = @c_cadence\n" +
            $"AND {Q(nameof(UnitTask.CreatedAt))} >= @c_first AND {Q(nameof(UnitTask.CreatedAt))} <= @c_last" +
            (hasPolicy ? $" AND {Q(nameof(UnitTask.PolicyJson))} = @c_policy" : $" AND {Q(nameof(UnitTask.PolicyJson))} IS NULL") +
            (hasAnchor ? $" AND {ProgressAnchor(Q)} = @c_anchor" : "");
    }

    /// <summary>
    /// The values of one outbox row per task of a group (<see cref="OutboxColumns.InsertedNamingSharedModel"/> order):
    /// the effect's parameters <paramref name="prefix"/> + key, subject, html, text, template, model and created, the
    /// task's <paramref name="taskId"/> and <paramref name="directiveId"/>, <c>@status</c>; no recipients yet, no attempts.
    /// </summary>
    public static string OutboxValues(string prefix, string taskId, string directiveId) =>
        string.Join(", ", OutboxColumns.InsertedNamingSharedModel.Select(column => column switch
        {
            nameof(OutboxMessage.DedupeKey) => prefix + "key",
            nameof(OutboxMessage.To) => "''",
            nameof(OutboxMessage.Subject) => prefix + "subject",
            nameof(OutboxMessage.HtmlBody) => prefix + "html",
            nameof(OutboxMessage.TextBody) => prefix + "text",
            nameof(OutboxMessage.Template) => prefix + "template",
            nameof(OutboxMessage.ModelId) => prefix + "model",
            nameof(OutboxMessage.TaskId) => taskId,
            nameof(OutboxMessage.DirectiveId) => directiveId,
            nameof(OutboxMessage.Status) => "@status",
            nameof(OutboxMessage.Attempts) => "0",
            nameof(OutboxMessage.CreatedAt) or nameof(OutboxMessage.NextAttemptAt) => prefix + "created",
            _ => throw new InvalidOperationException($"No value for the outbox column {column}."),
        }));

    /// <summary>When a task's progress was last seen: its last report, else its acknowledgement, else its creation.</summary>
    private static string ProgressAnchor(Func<string, string> column) =>
        $"COALESCE({column(nameof(UnitTask.LastProgressAt))}, {column(nameof(UnitTask.AcknowledgedAt))}, {column(nameof(UnitTask.CreatedAt))})";
}
