using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Scheduling.Digests;

/// <summary>The columns of a task the digest and weekly summary read.</summary>
public sealed record DigestTask(Guid Id, Guid UnitId, Guid DirectiveId, string Title, UnitTaskStatus Status, DateTimeOffset DueAt, DateTimeOffset? CompletedAt);
