using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace DirectiveFlow.Web.Cli;

/// <summary>
/// <c>create-admin &lt;user name&gt;</c>: the first administrator of a database that was never in demo mode (Production
/// has no other way in), or a new password for an existing one, reactivated if it had been deactivated (the way back
/// when the last administrator was). The password comes from the environment variable
/// <see cref="PasswordVariable"/> or, without it, from the first line of standard input — never from the command line,
/// where shell history and process lists would keep it.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public const string PasswordVariable = "DIRECTIVEFLOW_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]) || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Usage: {Name} <user name>   (password from {PasswordVariable} or standard input)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"No password: set {PasswordVariable} or write it on standard input.");
            return 2;
        }

        if (app.Services.GetRequiredService<DemoPasswordGuard>().DemoPasswords.Contains(password, StringComparer.Ordinal))
        {
            await Console.Error.WriteLineAsync("Refused: that is the published demo password; choose another.");
            return 1;
        }

        await app.Services.MigrateDirectiveFlowDatabaseAsync();
        await app.Services.SeedDirectiveFlowRolesAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var (result, created, reactivated) = await SaveAsync(users, args[1].Trim(), password);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Refused, nothing changed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return 1;
        }

        Console.WriteLine(created
            ? $"Administrator '{args[1].Trim()}' created."
            : $"Administrator '{args[1].Trim()}': password replaced, account {(reactivated ? "reactivated (it was deactivated) and " : "")}unlocked, its sessions ended.");
        return 0;
    }

    private static async Task<(IdentityResult Result, bool Created, bool Reactivated)> SaveAsync(UserManager<AppUser> users, string userName, string password)
    {
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            user = new AppUser { UserName = userName, FullName = "Quản trị hệ thống", EmailConfirmed = true, LockoutEnabled = true };
            var created = await users.CreateAsync(user, password);
            return (created.Succeeded ? await users.AddToRoleAsync(user, Roles.Administrator) : created, true, false);
        }

        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } invalid)
            {
                return (invalid, false, false);
            }
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return (reset, false, false);
        }

        // A deactivated account cannot sign in whatever its password: without this, a deactivated last administrator
        // stayed locked out although the command said "unlocked". Its open tasks were released on deactivation; they
        // stay with their units' heads.
        var reactivated = !user.IsActive;
        if (reactivated)
        {
            user.IsActive = true;
            if (await users.UpdateSecurityStampAsync(user) is { Succeeded: false } failed)
            {
                return (failed, false, false);
            }
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return (await users.IsInRoleAsync(user, Roles.Administrator) ? reset : await users.AddToRoleAsync(user, Roles.Administrator), false, reactivated);
    }
}
