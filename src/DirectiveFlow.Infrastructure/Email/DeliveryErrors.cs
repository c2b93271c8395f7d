using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// The text an outbox row keeps of its last failure (<see cref="Core.Email.OutboxMessage.LastError"/>), written here, and
/// the kind of failure read back from it (<see cref="KindOf"/>), so the admin outbox page can name it in the reader's
/// language with the server's own words underneath. Each text begins with what failed: the exception's type (an SMTP
/// command's with its error code) or the step of preparing the row.
/// </summary>
public static class DeliveryErrors
{
    public const string CompletingStep = "Completing the row";

    public const string RenderingStep = "Rendering";

    /// <summary>What a failed connection, sign-in or send wrote: <c>SmtpCommandException RecipientNotAccepted: 550 …</c>.</summary>
    public static string Of(Exception error) => error is SmtpCommandException command
        ? $"{nameof(SmtpCommandException)} {command.ErrorCode}: {error.Message}"
        : $"{error.GetType().Name}: {error.Message}";

    /// <summary>What preparing a row wrote: <c>Rendering 'due' failed: …</c>.</summary>
    public static string OfStep(string step, Exception error) => $"{step} failed: {error.Message}";

    /// <summary>The kind of failure <paramref name="lastError"/> tells of; null for none, <see cref="DeliveryErrorKind.Other"/> for one it cannot tell.</summary>
    public static DeliveryErrorKind? KindOf(string? lastError)
    {
        if (string.IsNullOrEmpty(lastError))
        {
            return null;
        }

        if (lastError.StartsWith(RefusedRecipients.Prefix, StringComparison.Ordinal)
            || lastError.StartsWith($"{nameof(SmtpCommandException)} {SmtpErrorCode.RecipientNotAccepted}:", StringComparison.Ordinal))
        {
            return DeliveryErrorKind.RecipientRefused;
        }

        if (lastError.StartsWith(RenderingStep + " ", StringComparison.Ordinal))
        {
            return DeliveryErrorKind.RenderingFailed;
        }

        if (lastError.StartsWith(CompletingStep + " ", StringComparison.Ordinal))
        {
            return DeliveryErrorKind.AddressingFailed;
        }

        var type = lastError[..Math.Max(0, lastError.IndexOfAny([':', ' ']))];
        return type switch
        {
            nameof(AuthenticationException) or nameof(ServiceNotAuthenticatedException) => DeliveryErrorKind.AuthenticationFailed,
            nameof(SocketException) or nameof(SslHandshakeException) or nameof(IOException) or nameof(TimeoutException)
                or nameof(SmtpProtocolException) or nameof(ServiceNotConnectedException) => DeliveryErrorKind.ConnectionFailed,
            nameof(MimeKit.ParseException) => DeliveryErrorKind.AddressingFailed,
            nameof(SmtpCommandException) => DeliveryErrorKind.MessageRefused,
            _ => DeliveryErrorKind.Other,
        };
    }
}
