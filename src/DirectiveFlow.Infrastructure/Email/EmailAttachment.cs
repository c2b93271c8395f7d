namespace DirectiveFlow.Infrastructure.Email;

/// <summary>A file sent with an email, built when the email is sent (see <see cref="IEmailAttachmentSource"/>).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
