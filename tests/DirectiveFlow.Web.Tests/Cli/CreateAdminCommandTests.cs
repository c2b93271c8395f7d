using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Cli;

public sealed class CreateAdminCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<int> RunAsync(TestDatabase db, params string[] command) => CliHost.RunAsync(db, [CreateAdminCommand.Name, .. command]);

    internal static async Task<int> RunWithInputAsync(TestDatabase db, string password, params string[] command)
    {
        var original = Console.In;
        Console.SetIn(new StringReader(password + "\n"));
        try
        {
            return await RunAsync(db, command);
        }
        finally
        {
            Console.SetIn(original);
        }
    }

    [Fact]
    public async Task Create_admin_makes_the_roles_and_a_first_administrator_on_a_database_never_in_demo_mode()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();

        Assert.Equal(0, await RunWithInputAsync(db, "Chief-Admin#2026", "chief"));

        await using var read = db.CreateContext();
        Assert.Equal(Roles.All.Order(), (await read.Roles.Select(r => r.Name!).ToListAsync(Ct)).Order());
        var chief = await read.Users.SingleAsync(Ct);
        Assert.Equal("chief", chief.UserName);
        var adminRole = await read.Roles.SingleAsync(r => r.Name == Roles.Administrator, Ct);
        Assert.True(await read.UserRoles.AnyAsync(ur => ur.UserId == chief.Id && ur.RoleId == adminRole.Id, Ct));
        var hasher = new PasswordHasher<AppUser>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(chief, chief.PasswordHash!, "Chief-Admin#2026"));
    }

    [Fact]
    public async Task Create_admin_again_replaces_the_password_and_ends_the_sessions()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();
        Assert.Equal(0, await RunWithInputAsync(db, "Chief-Admin#2026", "chief"));
        string stampBefore;
        await using (var read = db.CreateContext())
        {
            stampBefore = (await read.Users.SingleAsync(Ct)).SecurityStamp!;
        }

        Assert.Equal(0, await RunWithInputAsync(db, "Another-Secret#77", "chief"));

        await using var after = db.CreateContext();
        var chief = await after.Users.SingleAsync(Ct);
        Assert.NotEqual(stampBefore, chief.SecurityStamp);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AppUser>().VerifyHashedPassword(chief, chief.PasswordHash!, "Another-Secret#77"));
    }

    [Fact]
    public async Task Create_admin_refuses_a_weak_or_published_password_and_a_missing_name_and_writes_no_account()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();

        Assert.Equal(1, await RunWithInputAsync(db, "short", "chief"));
        Assert.Equal(1, await RunWithInputAsync(db, "DirectiveFlow@2026", "chief"));
        Assert.Equal(2, await RunWithInputAsync(db, "Chief-Admin#2026"));
        Assert.Equal(2, await RunWithInputAsync(db, "", "chief"));

        await using var read = db.CreateContext();
        Assert.Equal(0, await read.Users.CountAsync(Ct));
    }
}
