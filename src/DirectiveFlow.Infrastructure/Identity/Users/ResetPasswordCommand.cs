using DirectiveFlow.Core.Common.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// Sets a new password — the given one, or a generated one that the answer carries once — and lifts a lockout. The
/// account's open sessions end (a new password renews the security stamp).
/// </summary>
public sealed record ResetPasswordCommand(Guid UserId, string? Password, Caller Caller) : ICommand<ResetPasswordResult>;

/// <summary>The generated password, to hand to the person; null when the caller chose it.</summary>
public sealed record ResetPasswordResult(string? GeneratedPassword);

public sealed class ResetPasswordHandler(UserAccounts accounts) : ICommandHandler<ResetPasswordCommand, ResetPasswordResult>
{
    public async ValueTask<ResetPasswordResult> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var rights = UserManagementRights.Of(command.Caller);
        var (user, roles) = await accounts.LoadAsync(command.UserId, cancellationToken);
        rights.CheckManages(roles, user.UnitId);
        var generated = command.Password is null ? PasswordGenerator.Generate() : null;
        var errors = new FieldErrors();
        await accounts.CheckPasswordAsync(user, command.Password ?? generated!, errors);
        errors.ThrowIfAny();

        var users = accounts.Users;
        await using (var transaction = await accounts.Db.Database.BeginTransactionAsync(cancellationToken))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            UserAccounts.ThrowIfFailed(await users.ResetPasswordAsync(user, token, command.Password ?? generated!), "password");
            UserAccounts.ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null), "password");
            UserAccounts.ThrowIfFailed(await users.ResetAccessFailedCountAsync(user), "password");
            await transaction.CommitAsync(cancellationToken);
        }

        return new ResetPasswordResult(generated);
    }
}
