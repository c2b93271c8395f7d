using DirectiveFlow.Core.Email;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// Builds the files an outbox row asks for from its model, at each sending attempt: the outbox keeps what to build
/// (small), not the bytes, so a retry sends the files again and no schema carries binary content.
/// </summary>
public interface IEmailAttachmentSource
{
    Task<IReadOnlyList<EmailAttachment>> BuildAsync(OutboxMessage message, CancellationToken cancellationToken);
}
