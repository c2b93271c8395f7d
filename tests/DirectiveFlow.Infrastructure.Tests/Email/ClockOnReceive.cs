using DirectiveFlow.Infrastructure.Email.Mailbox;

namespace DirectiveFlow.Infrastructure.Tests.Email;

/// <summary>
/// The clock of a test SMTP catcher, calling <c>onReceive(k)</c> once as the catcher receives its k-th message: the
/// moment the sending dispatcher is mid-batch, waiting for the server's answer, where a test plays "meanwhile" (time
/// passing, another node's dispatcher running).
/// </summary>
public sealed class ClockOnReceive(TimeProvider inner, CaughtMailbox mailbox, Action<int> onReceive) : TimeProvider
{
    private int _called;

    public override DateTimeOffset GetUtcNow()
    {
        // The catcher reads its clock before it keeps the message, so the mailbox does not count it yet.
        var receiving = mailbox.Count + 1;
        if (receiving > _called)
        {
            _called = receiving;
            onReceive(receiving);
        }

        return inner.GetUtcNow();
    }
}
