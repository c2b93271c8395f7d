using DirectiveFlow.Core.Tasks;
using NpgsqlTypes;

namespace DirectiveFlow.Infrastructure.Persistence.Sql;

/// <summary>
/// Every column of the Tasks table, by property, with how the raw bulk writers read and type its value: enums as their
/// names and instants through <c>TimestampStorage</c>, exactly as EF stores them. The column names come from the model
/// (<see cref="MappedTable"/>); a test checks that this list names every mapped property once.
/// </summary>
public static class TaskColumns
{
    /// <param name="Property">The <see cref="UnitTask"/> property stored in the column.</param>
    public sealed record Column(string Property, NpgsqlDbType PostgresType, Func<UnitTask, object?> Value);

    public static readonly IReadOnlyList<Column> All =
    [
        new(nameof(UnitTask.Id), NpgsqlDbType.Uuid, t => t.Id),
        new(nameof(UnitTask.DirectiveId), NpgsqlDbType.Uuid, t => t.DirectiveId),
        new(nameof(UnitTask.InstanceId), NpgsqlDbType.Uuid, t => t.InstanceId),
        new(nameof(UnitTask.ActivityId), NpgsqlDbType.Varchar, t => t.ActivityId),
        new(nameof(UnitTask.CascadeExecutionId), NpgsqlDbType.Uuid, t => t.CascadeExecutionId),
        new(nameof(UnitTask.ParentTaskId), NpgsqlDbType.Uuid, t => t.ParentTaskId),
        new(nameof(UnitTask.UnitId), NpgsqlDbType.Uuid, t => t.UnitId),
        new(nameof(UnitTask.AssignerUnitId), NpgsqlDbType.Uuid, t => t.AssignerUnitId),
        new(nameof(UnitTask.Title), NpgsqlDbType.Varchar, t => t.Title),
        new(nameof(UnitTask.Instructions), NpgsqlDbType.Text, t => t.Instructions),
        new(nameof(UnitTask.Status), NpgsqlDbType.Varchar, t => t.Status.ToString()),
        new(nameof(UnitTask.CreatedAt), NpgsqlDbType.TimestampTz, t => t.CreatedAt),
        new(nameof(UnitTask.DueAt), NpgsqlDbType.TimestampTz, t => t.DueAt),
        new(nameof(UnitTask.OriginalDueAt), NpgsqlDbType.TimestampTz, t => t.OriginalDueAt),
        new(nameof(UnitTask.AcknowledgedAt), NpgsqlDbType.TimestampTz, t => t.AcknowledgedAt),
        new(nameof(UnitTask.CompletedAt), NpgsqlDbType.TimestampTz, t => t.CompletedAt),
        new(nameof(UnitTask.ReportedAt), NpgsqlDbType.TimestampTz, t => t.ReportedAt),
        new(nameof(UnitTask.ResultSummary), NpgsqlDbType.Text, t => t.ResultSummary),
        new(nameof(UnitTask.ProgressPercent), NpgsqlDbType.Integer, t => t.ProgressPercent),
        new(nameof(UnitTask.LastProgressAt), NpgsqlDbType.TimestampTz, t => t.LastProgressAt),
        new(nameof(UnitTask.ProgressCadence), NpgsqlDbType.Varchar, t => t.ProgressCadence.ToString()),
        new(nameof(UnitTask.RequiresReview), NpgsqlDbType.Boolean, t => t.RequiresReview),
        new(nameof(UnitTask.AllowCompleteBeforeSubCascade), NpgsqlDbType.Boolean, t => t.AllowCompleteBeforeSubCascade),
        new(nameof(UnitTask.SubCascadeExecutionId), NpgsqlDbType.Uuid, t => t.SubCascadeExecutionId),
        new(nameof(UnitTask.NextActionAt), NpgsqlDbType.TimestampTz, t => t.NextActionAt),
        new(nameof(UnitTask.ChaseCount), NpgsqlDbType.Integer, t => t.ChaseCount),
        new(nameof(UnitTask.EscalationLevel), NpgsqlDbType.Integer, t => t.EscalationLevel),
        new(nameof(UnitTask.IsRaised), NpgsqlDbType.Boolean, t => t.IsRaised),
        new(nameof(UnitTask.PolicyJson), NpgsqlDbType.Text, t => t.PolicyJson),
        new(nameof(UnitTask.AssignedUserId), NpgsqlDbType.Uuid, t => t.AssignedUserId),
        new(nameof(UnitTask.ItemNo), NpgsqlDbType.Integer, t => t.ItemNo),
        new(nameof(UnitTask.ConcurrencyStamp), NpgsqlDbType.Integer, t => t.ConcurrencyStamp),
    ];

    /// <summary>The properties in column order.</summary>
    public static IEnumerable<string> Properties => All.Select(c => c.Property);

    /// <summary>The position of <paramref name="property"/>'s value among the columns (its parameter's number).</summary>
    public static int IndexOf(string property) => All.Select(c => c.Property).ToList().IndexOf(property) is var i and >= 0
        ? i : throw new ArgumentException($"{property} is not a Tasks column.", nameof(property));

    /// <summary>The parameter placeholders p0…pN in column order, with <paramref name="prefix"/> ("$" or "@").</summary>
    public static string Placeholders(string prefix) => string.Join(", ", All.Select((_, i) => prefix + "p" + i));
}
