using DirectiveFlow.Core.Common.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// Changes a person's details, unit and roles. A change of roles or unit renews the account's security stamp, so its
/// open sessions and bearer tokens end and the next sign-in carries the new rights. Moved to another unit (or no longer an
/// officer or head), the person is taken off the open tasks of the unit she left, in the same transaction
/// (<see cref="OpenTaskAssignments"/>).
/// </summary>
public sealed record UpdateUserCommand(Guid UserId, UserInput Input, Caller Caller) : ICommand<UserDto>;

public sealed class UpdateUserHandler(UserAccounts accounts, TimeProvider clock) : ICommandHandler<UpdateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var rights = UserManagementRights.Of(command.Caller);
        var (user, current) = await accounts.LoadAsync(command.UserId, cancellationToken);
        rights.CheckManages(current, user.UnitId);

        var errors = new FieldErrors();
        var roles = UserInputRules.Check(command.Input, errors);
        // Her own unit, even deactivated, is kept: the form shows it selected, and saving another detail must not fail.
        if (command.Input.UnitId != user.UnitId)
        {
            await accounts.CheckUnitAsync(command.Input.UnitId, errors, cancellationToken);
        }

        errors.ThrowIfAny();

        rights.CheckGrants(roles, command.Input.UnitId);
        if (user.Id == rights.CallerId && current.Contains(Roles.Administrator) && !roles.Contains(Roles.Administrator))
        {
            throw ProblemException.Forbidden(ErrorCodes.UserCannotDropOwnAdministrator);
        }

        await accounts.CheckEmailFreeAsync(command.Input.Email!.Trim(), user.Id, cancellationToken);
        var rightsChanged = user.UnitId != command.Input.UnitId || !current.ToHashSet().SetEquals(roles);
        accounts.Apply(user, command.Input);
        var users = accounts.Users;
        await using (var transaction = await accounts.Db.Database.BeginTransactionAsync(cancellationToken))
        {
            var keptUnit = Roles.MayBeAssigned(roles) ? command.Input.UnitId : null;
            await OpenTaskAssignments.ReleaseAsync(accounts.Db, user.Id, keptUnit, SetUserActiveHandler.Actor(command.Caller), clock.GetUtcNow(), cancellationToken);
            UserAccounts.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(roles)), "roles");
            UserAccounts.ThrowIfFailed(await users.AddToRolesAsync(user, roles.Except(current)), "roles");
            UserAccounts.ThrowIfFailed(rightsChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user), "userName");
            await transaction.CommitAsync(cancellationToken);
        }

        return await accounts.ToDtoAsync(user, cancellationToken);
    }
}
