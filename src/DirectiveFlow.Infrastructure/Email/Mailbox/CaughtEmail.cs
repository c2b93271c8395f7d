namespace DirectiveFlow.Infrastructure.Email.Mailbox;

/// <summary>One email received by the embedded SMTP catcher, decoded (subject, text) with its raw subject header.</summary>
public sealed record CaughtEmail(
    Guid Id,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string RawSubjectHeader,
    DateTimeOffset ReceivedAt,
    string Text,
    string? Html,
    IReadOnlyList<string> Attachments)
{
    /// <summary>The attachments' names, types and bytes.</summary>
    public IReadOnlyList<CaughtAttachment> Files { get; init; } = [];
}
