using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>Accounts changed the way an administrator's tool would change them: through Identity's user manager.</summary>
public static class Accounts
{
    public const string OwnPassword = "Một-mật-khẩu-riêng-2026!";

    /// <summary>Creates an account (e.g. the first administrator of a Production database) with its own password.</summary>
    public static async Task CreateAsync(DirectiveFlowWebFactory app, string userName, string role, string password = OwnPassword)
    {
        await ChangeAsync(app, null, async users =>
        {
            var user = new AppUser { UserName = userName, FullName = userName };
            Ensure(await users.CreateAsync(user, password));
            Ensure(await users.AddToRoleAsync(user, role));
        });
    }

    /// <summary>Runs <paramref name="change"/> on the account named <paramref name="userName"/> (or none) in a scope of the app.</summary>
    public static async Task ChangeAsync(DirectiveFlowWebFactory app, string? userName, Func<UserManager<AppUser>, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (userName is null)
        {
            await EnsureRolesAsync(scope.ServiceProvider);
        }

        await change(users);
    }

    public static async Task ChangeUserAsync(DirectiveFlowWebFactory app, string userName, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change) =>
        await ChangeAsync(app, userName, async users =>
        {
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
            Ensure(await change(users, user));
        });

    private static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            Ensure(await roles.CreateAsync(new IdentityRole<Guid>(role)));
        }
    }

    private static void Ensure(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
