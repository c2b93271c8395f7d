using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Cli;

[Collection(nameof(ConsoleOutput))]
public sealed class CreateAdminOutputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_admin_reactivates_a_deactivated_administrator_and_says_so()
    {
        // Regression: the command replaced the password and said "account unlocked" but left IsActive false, so a
        // deactivated last administrator could not be recovered.
        await using var db = await TestDatabase.CreateSqliteAsync();
        Assert.Equal(0, await RunWithInputAsync(db, "Chief-Admin#2026"));
        string stampBefore;
        await using (var write = db.CreateContext())
        {
            var chief = await write.Users.SingleAsync(Ct);
            chief.IsActive = false;
            stampBefore = chief.SecurityStamp!;
            await write.SaveChangesAsync(Ct);
        }

        var (exitCode, output, _) = await ConsoleOutput.CaptureAsync(() => RunWithInputAsync(db, "Another-Secret#77"));

        Assert.Equal(0, exitCode);
        Assert.Contains("account reactivated (it was deactivated) and unlocked", output, StringComparison.Ordinal);
        await using var read = db.CreateContext();
        var after = await read.Users.SingleAsync(Ct);
        Assert.True(after.IsActive);
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AppUser>().VerifyHashedPassword(after, after.PasswordHash!, "Another-Secret#77"));
    }

    private static Task<int> RunWithInputAsync(TestDatabase db, string password) =>
        CreateAdminCommandTests.RunWithInputAsync(db, password, "chief");
}
