using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DirectiveFlow.Infrastructure.Email.Mailbox;

/// <summary>Parses each received message with MimeKit and keeps it in the <see cref="CaughtMailbox"/>.</summary>
internal sealed class CatchingMessageStore(CaughtMailbox mailbox, TimeProvider time) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        var rawSubject = message.Headers.FirstOrDefault(h => h.Id == HeaderId.Subject) is { } header
            ? System.Text.Encoding.ASCII.GetString(header.RawValue).Trim()
            : "";
        var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
        mailbox.Add(new CaughtEmail(
            Guid.CreateVersion7(time.GetUtcNow()),
            message.From.Mailboxes.FirstOrDefault()?.Address ?? $"{transaction.From.User}@{transaction.From.Host}",
            to,
            message.Subject ?? "",
            rawSubject,
            time.GetUtcNow(),
            message.TextBody ?? "",
            message.HtmlBody,
            message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "").ToList())
        {
            Files = message.Attachments.OfType<MimePart>().Select(Read).ToList(),
        });
        return SmtpResponse.Ok;
    }

    private static CaughtAttachment Read(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        return new CaughtAttachment(part.FileName ?? "", part.ContentType.MimeType, content.ToArray());
    }
}
