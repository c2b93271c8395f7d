using DirectiveFlow.Infrastructure.Hosting;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Tasks.Attachments;

/// <summary>
/// Sweeps held files whose forms never came back (older than <see cref="HeldUploads.Lifetime"/>) every <see cref="Interval"/> on each
/// node, so a file chosen on an abandoned form does not wait on disk for the next form with files. Each node sweeps the
/// folder it sees (shared or its own); a sweep is harmless twice.
/// </summary>
public sealed class HeldUploadsSweeper(AttachmentStore store, WallClock wall, ILogger<HeldUploadsSweeper> logger) : StoppableService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, wall);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                SweepOnce();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>One sweep; a folder that cannot be read is logged and tried again next time. Answers how many files went.</summary>
    public int SweepOnce()
    {
        try
        {
            var swept = HeldUploads.SweepLapsed(store, wall);
            if (swept > 0)
            {
                logger.LogInformation("Swept {Count} held upload(s) whose forms never came back", swept);
            }

            return swept;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Sweeping held uploads failed; trying again in {Interval}", Interval);
            return 0;
        }
    }
}
