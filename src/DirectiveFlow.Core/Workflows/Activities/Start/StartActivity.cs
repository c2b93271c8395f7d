namespace DirectiveFlow.Core.Workflows.Activities.Start;

/// <summary>Where the flow begins: the token goes straight out through Done.</summary>
public sealed class StartActivity : ActivityHandler
{
    public override ActivityDescriptor Descriptor { get; } = new(
        ActivityTypes.Start, [Outcomes.Done], false, [], IsBlocking: false)
    { Order = 10 };

    public override Task RunAsync(IActivityRun run, CancellationToken cancellationToken) => run.FollowAsync(Outcomes.Done, cancellationToken);
}
