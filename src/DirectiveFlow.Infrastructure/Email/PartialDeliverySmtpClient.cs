using MailKit.Net.Smtp;
using MimeKit;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// Sends a message to the recipients the server accepts when it refuses some of them for good (a 5xx reply to RCPT TO:
/// no such mailbox, say) and notes those (<see cref="Refused"/>): MailKit's own client fails the whole message, so one
/// wrong address kept it from every other recipient, retry after retry, until it was a dead letter. A refusal for now
/// (4xx) still fails the message, which is retried whole later (nobody has it yet, so nobody gets it twice); so does a
/// message every recipient refused.
/// </summary>
internal sealed class PartialDeliverySmtpClient : SmtpClient
{
    private readonly List<(string Address, int Code, string Reply)> _refused = [];

    /// <summary>The recipients of the last message sent that the server refused for good.</summary>
    public IReadOnlyList<(string Address, int Code, string Reply)> Refused => _refused;

    /// <summary>Forgets the last message's refusals; called before each send.</summary>
    public void ForgetRefused() => _refused.Clear();

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        if ((int)response.StatusCode < 500)
        {
            base.OnRecipientNotAccepted(message, mailbox, response); // throws: the message waits for a retry
            return;
        }

        _refused.Add((mailbox.Address, (int)response.StatusCode, response.Response));
    }

    protected override void OnNoRecipientsAccepted(MimeMessage message) =>
        throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, RefusedRecipients.Describe(_refused));
}
