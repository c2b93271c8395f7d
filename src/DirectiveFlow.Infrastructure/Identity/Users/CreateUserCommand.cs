using DirectiveFlow.Core.Common.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// Creates a person's account with the given password, or a generated one returned once (<see cref="CreatedUser"/>).
/// Refusals: 403 (who may create whom, <see cref="UserManagementRights"/>), 400 with every field's error, 409 when the
/// user name or email is taken.
/// </summary>
public sealed record CreateUserCommand(string? UserName, UserInput Input, string? Password, Caller Caller) : ICommand<CreatedUser>;

public sealed class CreateUserHandler(UserAccounts accounts) : ICommandHandler<CreateUserCommand, CreatedUser>
{
    public async ValueTask<CreatedUser> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var rights = UserManagementRights.Of(command.Caller);
        var users = accounts.Users;
        var errors = new FieldErrors();
        UserInputRules.CheckUserName(command.UserName, users.Options.User.AllowedUserNameCharacters, errors);
        var roles = UserInputRules.Check(command.Input, errors);
        await accounts.CheckUnitAsync(command.Input.UnitId, errors, cancellationToken);
        var user = new AppUser { Id = Guid.CreateVersion7(), EmailConfirmed = true, LockoutEnabled = true };
        var generated = command.Password is null ? PasswordGenerator.Generate() : null;
        await accounts.CheckPasswordAsync(user, command.Password ?? generated!, errors);
        errors.ThrowIfAny();

        rights.CheckGrants(roles, command.Input.UnitId);
        var userName = command.UserName!.Trim();
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw ProblemException.Conflict(ErrorCodes.UserNameTaken, userName);
        }

        await accounts.CheckEmailFreeAsync(command.Input.Email!.Trim(), null, cancellationToken);
        user.UserName = userName;
        accounts.Apply(user, command.Input);
        await using (var transaction = await accounts.Db.Database.BeginTransactionAsync(cancellationToken))
        {
            UserAccounts.ThrowIfFailed(await users.CreateAsync(user, command.Password ?? generated!), "userName");
            UserAccounts.ThrowIfFailed(await users.AddToRolesAsync(user, roles), "roles");
            await transaction.CommitAsync(cancellationToken);
        }

        return new CreatedUser(await accounts.ToDtoAsync(user, cancellationToken), generated);
    }
}
