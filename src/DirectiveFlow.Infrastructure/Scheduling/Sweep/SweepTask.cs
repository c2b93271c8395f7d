using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Addressing;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>The columns of a due task the sweep reads.</summary>
public sealed record SweepTask(
    Guid Id,
    Guid DirectiveId,
    Guid InstanceId,
    string ActivityId,
    Guid UnitId,
    Guid AssignerUnitId,
    string Title,
    UnitTaskStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? LastProgressAt,
    ProgressCadence ProgressCadence,
    DateTimeOffset? NextActionAt,
    int ChaseCount,
    int EscalationLevel,
    bool IsRaised,
    string? PolicyJson)
{
    /// <summary>What addressing its emails needs.</summary>
    public MailDirectoryTask Addressing => new(UnitId, AssignerUnitId, DirectiveId);
}
