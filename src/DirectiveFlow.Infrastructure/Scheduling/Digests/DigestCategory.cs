namespace DirectiveFlow.Infrastructure.Scheduling.Digests;

/// <summary>The sections of the daily digest, in the order they are listed.</summary>
public enum DigestCategory
{
    OpenOverdue = 1,
    DueSoon = 2,
    OpenWithinDeadline = 3,
    AwaitingReview = 4,
}
