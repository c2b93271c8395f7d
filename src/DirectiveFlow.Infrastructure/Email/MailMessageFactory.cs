using System.Text;
using DirectiveFlow.Core.Email;
using MimeKit;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// Builds the MIME message: multipart/alternative (text + HTML), the deadline as text/calendar and any files built for
/// the row (<see cref="IEmailAttachmentSource"/>; a Vietnamese file name goes out per RFC 2231). MimeKit encodes a
/// subject with diacritics per RFC 2047 (UTF-8), so "Nhắc việc" arrives as written.
/// </summary>
public static class MailMessageFactory
{
    public static MimeMessage Create(OutboxMessage message, string from, IReadOnlyList<EmailAttachment>? files = null)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        foreach (var address in message.To.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            mime.To.Add(MailboxAddress.Parse(address));
        }

        mime.Subject = message.Subject;
        mime.MessageId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outbox-{message.Id}.{message.CreatedAt.ToUnixTimeMilliseconds()}@directiveflow");
        var body = new BodyBuilder
        {
            TextBody = message.TextBody,
            HtmlBody = string.IsNullOrEmpty(message.HtmlBody) ? null : message.HtmlBody,
        };
        if (message.IcsContent is { Length: > 0 } ics)
        {
            body.Attachments.Add(
                message.IcsFileName ?? "deadline.ics",
                Encoding.UTF8.GetBytes(ics),
                ContentType.Parse("text/calendar; charset=utf-8; method=PUBLISH"));
        }

        foreach (var file in files ?? [])
        {
            body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }
}
