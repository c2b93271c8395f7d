using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DirectiveFlow.Infrastructure.Tests.Email;

/// <summary>
/// An SMTP server on loopback that refuses some mailboxes at RCPT TO, as a real one does for an address that does not
/// exist (550) or cannot take mail for now (450), and keeps the recipients of each message it accepts.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;

    private RefusingSmtpServer(IReadOnlySet<string> refused, IReadOnlySet<string> busy)
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Filter(refused, busy));
        services.Add(new Store(Received));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stopping.Token);
    }

    public int Port { get; }

    /// <summary>The recipients of each message accepted, in order.</summary>
    public ConcurrentQueue<IReadOnlyList<string>> Received { get; } = new();

    /// <summary>Starts a server refusing <paramref name="refused"/> for good and <paramref name="busy"/> for now.</summary>
    public static async Task<RefusingSmtpServer> StartAsync(IEnumerable<string> refused, IEnumerable<string>? busy = null)
    {
        var server = new RefusingSmtpServer(
            refused.ToHashSet(StringComparer.OrdinalIgnoreCase), (busy ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase));
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, server.Port);
                break;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Cancellation is how the server stops.
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Address(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    private sealed class Filter(IReadOnlySet<string> refused, IReadOnlySet<string> busy) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            busy.Contains(Address(to))
                ? throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)450, "mailbox busy, try again later"))
                : Task.FromResult(!refused.Contains(Address(to)));
    }

    private sealed class Store(ConcurrentQueue<IReadOnlyList<string>> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            received.Enqueue([.. transaction.To.Select(Address)]);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
