using DirectiveFlow.Infrastructure.Scheduling.Sweep;

namespace DirectiveFlow.Infrastructure.Scheduling;

/// <summary>What a due-work run did.</summary>
public sealed record DueWorkResult(SweepResult Sweep, int DelaysResumed);
