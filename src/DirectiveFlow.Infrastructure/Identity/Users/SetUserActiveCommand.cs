using DirectiveFlow.Core.Common.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// Deactivates (<paramref name="Active"/> false) or reactivates an account. Deactivating renews its security stamp,
/// which ends its open sessions and bearer tokens; from then on it cannot sign in, and it is taken off its open tasks in
/// the same transaction (<see cref="OpenTaskAssignments"/>) so the unit's head sees them unassigned. Nobody deactivates
/// themself.
/// </summary>
public sealed record SetUserActiveCommand(Guid UserId, bool Active, Caller Caller) : ICommand<UserDto>;

public sealed class SetUserActiveHandler(UserAccounts accounts, TimeProvider clock) : ICommandHandler<SetUserActiveCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(SetUserActiveCommand command, CancellationToken cancellationToken)
    {
        var rights = UserManagementRights.Of(command.Caller);
        var (user, roles) = await accounts.LoadAsync(command.UserId, cancellationToken);
        rights.CheckManages(roles, user.UnitId);
        if (!command.Active && user.Id == rights.CallerId)
        {
            throw ProblemException.Forbidden(ErrorCodes.UserCannotDeactivateSelf);
        }

        if (command.Active && !user.IsActive && user.UnitId is { } unitId
            && !await accounts.Db.Units.AnyAsync(u => u.Id == unitId && u.IsActive, cancellationToken))
        {
            // A unit is deactivated only once its accounts are (SubUnitEditor): one reactivated would sign in to it again.
            throw ProblemException.Conflict(ErrorCodes.UserUnitInactive);
        }

        if (user.IsActive != command.Active)
        {
            user.IsActive = command.Active;
            var users = accounts.Users;
            await using var transaction = await accounts.Db.Database.BeginTransactionAsync(cancellationToken);
            if (!command.Active)
            {
                await OpenTaskAssignments.ReleaseAsync(accounts.Db, user.Id, null, Actor(command.Caller), clock.GetUtcNow(), cancellationToken);
            }

            UserAccounts.ThrowIfFailed(command.Active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user), "active");
            await transaction.CommitAsync(cancellationToken);
        }

        return await accounts.ToDtoAsync(user, cancellationToken);
    }

    internal static string Actor(Caller caller) => caller.ActorName;
}
