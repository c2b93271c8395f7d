using DirectiveFlow.Infrastructure.Identity;
using Mediator;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>Puts every dead letter back in the queue (the admin outbox screen, once an outage is mended). Only an administrator may.</summary>
public sealed record RetryAllDeadLettersCommand(Caller Caller) : ICommand<int>;

public sealed class RetryAllDeadLettersHandler(OutboxAdministration outbox) : ICommandHandler<RetryAllDeadLettersCommand, int>
{
    public async ValueTask<int> Handle(RetryAllDeadLettersCommand command, CancellationToken cancellationToken)
    {
        AdministratorRule.Demand(command.Caller);
        return await outbox.RetryAllAsync(cancellationToken);
    }
}
