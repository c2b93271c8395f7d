using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Time;

namespace DirectiveFlow.Web.Health;

/// <summary>
/// Whether the SMTP server answers: a connection (and sign-in, if configured) opened and closed. Remembered for
/// <see cref="Lifetime"/>, so a load balancer probing <c>/health</c> every few seconds does not open a connection each
/// time. Null when reached; otherwise what went wrong.
/// </summary>
public sealed class SmtpProbe(SmtpMailSender mail, WallClock wall) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, string? Error)? _last;

    public async Task<string?> ErrorAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && wall.GetUtcNow() - last.At < Lifetime)
            {
                return last.Error;
            }

            var error = await TryConnectAsync(cancellationToken);
            _last = (wall.GetUtcNow(), error);
            return error;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string?> TryConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var session = await mail.OpenAsync(timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {Timeout.TotalSeconds:0} s";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    public void Dispose() => _gate.Dispose();
}
