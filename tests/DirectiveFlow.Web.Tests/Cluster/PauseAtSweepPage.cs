using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DirectiveFlow.Web.Tests.Cluster;

/// <summary>
/// Holds a node's sweep before it reads its <see cref="Page"/>th page of due tasks (the pages before it are written and
/// committed), until the sweep is cancelled: the moment to kill the node mid-sweep.
/// </summary>
public sealed class PauseAtSweepPage(int page) : DbCommandInterceptor
{
    private int _pagesRead;

    public int Page { get; } = page;

    /// <summary>Completes when the sweep reaches the page and waits.</summary>
    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        // The sweep's page: due tasks (NextActionAt passed) in NextActionAt order, a page at a time.
        if (command.CommandText.Contains("\"NextActionAt\" <=", StringComparison.Ordinal)
            && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal)
            && Interlocked.Increment(ref _pagesRead) == Page)
        {
            Paused.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return result;
    }
}
