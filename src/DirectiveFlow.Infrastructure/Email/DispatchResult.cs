namespace DirectiveFlow.Infrastructure.Email;

/// <summary>What one dispatch run did.</summary>
public sealed record DispatchResult(int Claimed, int Sent, int Failed, int DeadLettered)
{
    public static readonly DispatchResult None = new(0, 0, 0, 0);

    public static DispatchResult operator +(DispatchResult a, DispatchResult b) =>
        new(a.Claimed + b.Claimed, a.Sent + b.Sent, a.Failed + b.Failed, a.DeadLettered + b.DeadLettered);
}
