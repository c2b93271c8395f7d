using System.Net.Sockets;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.TestSupport;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Email;

/// <summary>
/// The admin outbox page showed each row's last error as the exception's raw English text on a Vietnamese page: the
/// dispatcher's texts are now read back as a kind the page names in the reader's language.
/// </summary>
public sealed class DeliveryErrorsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, DeliveryErrorKind> Texts => new()
    {
        { DeliveryErrors.Of(new SocketException((int)SocketError.ConnectionRefused)), DeliveryErrorKind.ConnectionFailed },
        { DeliveryErrors.Of(new IOException("Unable to read data from the transport connection.")), DeliveryErrorKind.ConnectionFailed },
        { DeliveryErrors.Of(new AuthenticationException("535: 5.7.8 Authentication credentials invalid")), DeliveryErrorKind.AuthenticationFailed },
        { DeliveryErrors.Of(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "5.7.1 rejected as spam")), DeliveryErrorKind.MessageRefused },
        { DeliveryErrors.Of(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, "sender refused")), DeliveryErrorKind.MessageRefused },
        { DeliveryErrors.Of(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "mailbox unavailable")), DeliveryErrorKind.RecipientRefused },
        { RefusedRecipients.Describe([("a@hoankiem.hanoi.gov.vn", 550, "mailbox unavailable")]), DeliveryErrorKind.RecipientRefused },
        { DeliveryErrors.OfStep($"{DeliveryErrors.RenderingStep} 'due'", new InvalidOperationException("unknown variable")), DeliveryErrorKind.RenderingFailed },
        { DeliveryErrors.OfStep(DeliveryErrors.CompletingStep, new InvalidOperationException("No one can receive it")), DeliveryErrorKind.AddressingFailed },
        { DeliveryErrors.Of(Caught(() => MailboxAddress.Parse("khong-hop-le@@hoankiem"))), DeliveryErrorKind.AddressingFailed },
        { "Saving the prepared row failed: value too long", DeliveryErrorKind.Other },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Each_text_the_dispatcher_writes_is_read_back_as_its_kind(string text, DeliveryErrorKind kind) =>
        Assert.Equal(kind, DeliveryErrors.KindOf(text));

    [Fact]
    public void No_error_is_no_kind() => Assert.Null(DeliveryErrors.KindOf(null));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mail_server_that_cannot_be_reached_is_told_as_a_connection_failure(string provider)
    {
        await using var h = await CreateAsync(provider);
        await using (var db = h.Db())
        {
            await new OutboxWriter(h.Clock).TryInsertAsync(db, new OutboxEmail("note", [WardHead]) { Subject = "Thông báo", TextBody = "Nội dung" }, Ct);
        }

        await h.Catcher.StopAsync(Ct);
        await h.DispatchAsync();

        await using var check = h.Db();
        Assert.Equal(DeliveryErrorKind.ConnectionFailed, DeliveryErrors.KindOf((await check.Outbox.SingleAsync(Ct)).LastError));
    }

    private static Exception Caught(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("nothing was thrown");
    }
}
