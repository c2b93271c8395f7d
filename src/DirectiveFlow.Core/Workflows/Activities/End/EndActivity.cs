namespace DirectiveFlow.Core.Workflows.Activities.End;

/// <summary>Ends the token: its cascade branch, or the whole instance at the top level.</summary>
public sealed class EndActivity : ActivityHandler
{
    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.End, [], false, [], IsBlocking: false)
    { Order = 80 };

    public override Task RunAsync(IActivityRun run, CancellationToken cancellationToken) => run.EndAsync(cancellationToken);
}
