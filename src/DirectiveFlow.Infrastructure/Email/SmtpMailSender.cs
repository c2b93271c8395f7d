using DirectiveFlow.Infrastructure.Email.Mailbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// Opens one MailKit connection per dispatch batch (SmtpClient is not thread-safe, so one batch = one client) to the
/// configured server, or to the embedded catcher (demo mode only) when no <c>Smtp:Host</c> is set.
/// </summary>
public sealed class SmtpMailSender(SmtpOptions options, EmbeddedSmtpCatcher? catcher = null)
{
    public string From => options.From;

    /// <summary>False without an <c>Smtp:Host</c> outside demo mode: there is nowhere to send, so mail stays queued.</summary>
    public bool CanSend => options.HasOutsideServer || catcher is not null;

    public async Task<Session> OpenAsync(CancellationToken cancellationToken)
    {
        var (host, port) = options.HasOutsideServer
            ? (options.Host!, options.Port)
            : ("127.0.0.1", catcher?.Port ?? throw new InvalidOperationException("No Smtp:Host configured and no embedded catcher registered."));
        var client = new PartialDeliverySmtpClient { Timeout = 15_000 };
        try
        {
            var security = !options.UseTls ? SecureSocketOptions.None
                : port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(host, port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }

            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>An open connection; send any number of messages, then dispose.</summary>
    public sealed class Session : IAsyncDisposable
    {
        private readonly PartialDeliverySmtpClient _client;

        internal Session(PartialDeliverySmtpClient client) => _client = client;

        public bool IsConnected => _client.IsConnected;

        /// <summary>
        /// Sends <paramref name="message"/>; answers the recipients the server refused for good while it took the message
        /// for the others (empty when it took every one). Throws when it took it for none.
        /// </summary>
        public async Task<IReadOnlyList<(string Address, int Code, string Reply)>> SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            _client.ForgetRefused();
            await _client.SendAsync(message, cancellationToken);
            return [.. _client.Refused];
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception)
            {
                // The batch is over; a failed QUIT changes nothing that was sent.
            }

            _client.Dispose();
        }
    }
}
