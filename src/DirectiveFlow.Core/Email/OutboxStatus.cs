namespace DirectiveFlow.Core.Email;

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,
    DeadLetter = 3,
}
