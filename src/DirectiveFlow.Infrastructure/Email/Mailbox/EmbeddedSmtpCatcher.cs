using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using SmtpServer;

namespace DirectiveFlow.Infrastructure.Email.Mailbox;

/// <summary>
/// An in-process SMTP server on 127.0.0.1 (a free port chosen at construction) that keeps what it receives in a
/// <see cref="CaughtMailbox"/>. Runs in demo mode when no <c>Smtp:Host</c> is configured; tests use it as the
/// real server on loopback, and stop and restart it to play an outage.
/// </summary>
public sealed class EmbeddedSmtpCatcher(CaughtMailbox mailbox, TimeProvider time) : IHostedService, IAsyncDisposable
{
    private CancellationTokenSource? _stopping;
    private SmtpServer.SmtpServer? _server;
    private Task _running = Task.CompletedTask;

    public int Port { get; } = FreePort();

    public CaughtMailbox Mailbox => mailbox;

    public bool IsRunning => _server is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CatchingMessageStore(mailbox, time));
        _stopping = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stopping.Token);
        await WaitUntilListeningAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Host shutdown and disposal may both stop the catcher: whoever takes the token source does the stopping.
        if (Interlocked.Exchange(ref _stopping, null) is not { } stopping)
        {
            return;
        }

        await stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Cancellation is how the server stops.
        }

        stopping.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
