using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DirectiveFlow.Web.Tests.Cluster;

/// <summary>
/// Holds a node's sweep as it starts its <see cref="Step"/>th step (a group of alike tasks or a page, each written in
/// its own transaction: the steps before it are committed) until the sweep is cancelled — the moment to kill the node.
/// A step begins by reading its directives' numbers and titles for the emails (<c>MailDirectory.DirectivesAsync</c>).
/// </summary>
public sealed class PauseAtSweepStep(int step) : DbCommandInterceptor
{
    private int _steps;
    private volatile bool _armed;

    public int Step { get; } = step;

    /// <summary>Completes when the sweep reaches the step and waits.</summary>
    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts counting: call just before the sweep, so the node's other reads of directives are not counted.</summary>
    public void Arm() => _armed = true;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_armed && command.CommandText.StartsWith("SELECT d.\"Id\", d.\"Number\", d.\"Title\", d.\"IssuingUnitId\"", StringComparison.Ordinal)
            && Interlocked.Increment(ref _steps) == Step)
        {
            Paused.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return result;
    }
}
