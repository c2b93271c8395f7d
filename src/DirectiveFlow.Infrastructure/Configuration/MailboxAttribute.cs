using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace DirectiveFlow.Infrastructure.Configuration;

/// <summary>
/// One mailbox as a mail header writes it ("DirectiveFlow &lt;no-reply@hanoi.gov.vn&gt;" or a bare address), checked
/// when the host starts: a malformed sender otherwise failed every message, one by one, at sending.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MailboxAttribute : ValidationAttribute
{
    public MailboxAttribute()
        : base("The field {0} must be one mailbox, e.g. \"DirectiveFlow <no-reply@hanoi.gov.vn>\".")
    {
    }

    public override bool IsValid(object? value) =>
        value is string text && MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);
}
