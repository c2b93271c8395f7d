namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// What one dispatch run did. <see cref="Held"/>: escalations kept for their recipient's digest; <see cref="Skipped"/>:
/// chases not sent because their task closed meanwhile, and digests all of whose tasks did.
/// </summary>
public sealed record DispatchResult(int Claimed, int Sent, int Failed, int DeadLettered)
{
    public static readonly DispatchResult None = new(0, 0, 0, 0);

    public int Held { get; init; }

    public int Skipped { get; init; }

    /// <summary>The SMTP server could not be reached (or refused the sign-in): the emails it held wait, no attempt counted.</summary>
    public bool Unreachable { get; init; }

    public static DispatchResult operator +(DispatchResult a, DispatchResult b) =>
        new(a.Claimed + b.Claimed, a.Sent + b.Sent, a.Failed + b.Failed, a.DeadLettered + b.DeadLettered) { Held = a.Held + b.Held, Skipped = a.Skipped + b.Skipped, Unreachable = a.Unreachable || b.Unreachable };
}
