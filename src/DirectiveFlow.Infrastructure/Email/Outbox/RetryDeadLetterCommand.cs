using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Identity;
using Mediator;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// Puts a dead letter back in the queue (the admin outbox screen). Only an administrator may; an unknown email is a
/// 404 (<see cref="ErrorCodes.OutboxMessageNotFound"/>), one that is not a dead letter a 409 (<see cref="ErrorCodes.OutboxOnlyDeadLetter"/>).
/// </summary>
public sealed record RetryDeadLetterCommand(long Id, Caller Caller) : ICommand;

public sealed class RetryDeadLetterHandler(OutboxAdministration outbox) : ICommandHandler<RetryDeadLetterCommand>
{
    public async ValueTask<Unit> Handle(RetryDeadLetterCommand command, CancellationToken cancellationToken)
    {
        AdministratorRule.Demand(command.Caller);
        return await outbox.RetryAsync(command.Id, cancellationToken) switch
        {
            OutboxAdministration.RetryOutcome.Queued => Unit.Value,
            OutboxAdministration.RetryOutcome.NotFound => throw ProblemException.NotFound(ErrorCodes.OutboxMessageNotFound),
            _ => throw ProblemException.Conflict(ErrorCodes.OutboxOnlyDeadLetter),
        };
    }
}
