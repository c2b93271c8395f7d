namespace DirectiveFlow.Infrastructure.Email.Mailbox;

/// <summary>A file attached to a caught email, with its bytes (tests open it with a reader).</summary>
public sealed record CaughtAttachment(string FileName, string ContentType, byte[] Content);
