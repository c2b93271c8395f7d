using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using Mediator;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Scheduling;

/// <summary>One run of the due work at <c>now</c>: the task sweep, then the engine's waiting Delays and deadline cascades.</summary>
public sealed class DueWorkRunner(DueWorkSweeper sweeper, IMediator mediator)
{
    public const int DelayBatch = 500;

    public async Task<DueWorkResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var telemetry = SweepTelemetry.Start();
        var sweep = await sweeper.SweepAsync(now, cancellationToken);
        var resumed = 0;
        int batch;
        do
        {
            batch = await mediator.Send(new ResumeDelaysCommand(now, DelayBatch), cancellationToken);
            resumed += batch;
        }
        while (batch == DelayBatch && !cancellationToken.IsCancellationRequested);

        return telemetry.Finished(new DueWorkResult(sweep, resumed));
    }
}
