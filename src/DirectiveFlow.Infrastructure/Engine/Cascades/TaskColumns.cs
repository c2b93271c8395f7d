using DirectiveFlow.Core.Tasks;
using NpgsqlTypes;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// The columns of the Tasks table as the EF model maps them, for the raw bulk writers. Enums are written as their
/// names and instants through <c>TimestampStorage</c>, exactly as EF stores them.
/// </summary>
public static class TaskColumns
{
    public sealed record Column(string Name, NpgsqlDbType PostgresType, Func<UnitTask, object?> Value);

    public static readonly IReadOnlyList<Column> All =
    [
        new("Id", NpgsqlDbType.Uuid, t => t.Id),
        new("DirectiveId", NpgsqlDbType.Uuid, t => t.DirectiveId),
        new("InstanceId", NpgsqlDbType.Uuid, t => t.InstanceId),
        new("ActivityId", NpgsqlDbType.Varchar, t => t.ActivityId),
        new("CascadeExecutionId", NpgsqlDbType.Uuid, t => t.CascadeExecutionId),
        new("ParentTaskId", NpgsqlDbType.Uuid, t => t.ParentTaskId),
        new("UnitId", NpgsqlDbType.Uuid, t => t.UnitId),
        new("AssignerUnitId", NpgsqlDbType.Uuid, t => t.AssignerUnitId),
        new("Title", NpgsqlDbType.Varchar, t => t.Title),
        new("Instructions", NpgsqlDbType.Text, t => t.Instructions),
        new("Status", NpgsqlDbType.Varchar, t => t.Status.ToString()),
        new("CreatedAt", NpgsqlDbType.TimestampTz, t => t.CreatedAt),
        new("DueAt", NpgsqlDbType.TimestampTz, t => t.DueAt),
        new("OriginalDueAt", NpgsqlDbType.TimestampTz, t => t.OriginalDueAt),
        new("AcknowledgedAt", NpgsqlDbType.TimestampTz, t => t.AcknowledgedAt),
        new("CompletedAt", NpgsqlDbType.TimestampTz, t => t.CompletedAt),
        new("ReportedAt", NpgsqlDbType.TimestampTz, t => t.ReportedAt),
        new("ResultSummary", NpgsqlDbType.Text, t => t.ResultSummary),
        new("ProgressPercent", NpgsqlDbType.Integer, t => t.ProgressPercent),
        new("LastProgressAt", NpgsqlDbType.TimestampTz, t => t.LastProgressAt),
        new("ProgressCadence", NpgsqlDbType.Varchar, t => t.ProgressCadence.ToString()),
        new("RequiresReview", NpgsqlDbType.Boolean, t => t.RequiresReview),
        new("AllowCompleteBeforeSubCascade", NpgsqlDbType.Boolean, t => t.AllowCompleteBeforeSubCascade),
        new("SubCascadeExecutionId", NpgsqlDbType.Uuid, t => t.SubCascadeExecutionId),
        new("NextActionAt", NpgsqlDbType.TimestampTz, t => t.NextActionAt),
        new("ChaseCount", NpgsqlDbType.Integer, t => t.ChaseCount),
        new("EscalationLevel", NpgsqlDbType.Integer, t => t.EscalationLevel),
        new("IsRaised", NpgsqlDbType.Boolean, t => t.IsRaised),
        new("PolicyJson", NpgsqlDbType.Text, t => t.PolicyJson),
        new("ConcurrencyStamp", NpgsqlDbType.Integer, t => t.ConcurrencyStamp),
    ];

    /// <summary>The quoted, comma-separated column list.</summary>
    public static string List(char open = '"', char close = '"') => string.Join(", ", All.Select(c => $"{open}{c.Name}{close}"));
}
