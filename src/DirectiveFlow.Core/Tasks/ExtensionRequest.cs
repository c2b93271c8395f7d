namespace DirectiveFlow.Core.Tasks;

/// <summary>A lead unit's written request to move its deadline; the assigner decides.</summary>
public sealed class ExtensionRequest
{
    public Guid Id { get; set; }

    public Guid TaskId { get; set; }

    public ExtensionRequestStatus Status { get; set; } = ExtensionRequestStatus.Requested;

    public int? AdditionalWorkingDays { get; set; }

    /// <summary>The deadline asked for (computed from working days when those were given).</summary>
    public DateTimeOffset RequestedDueAt { get; set; }

    /// <summary>The deadline in force when the request was made.</summary>
    public DateTimeOffset PreviousDueAt { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecisionComment { get; set; }

    public int ConcurrencyStamp { get; set; }
}
