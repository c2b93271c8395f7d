using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static DirectiveFlow.Web.Tests.Security.SecurityHosts;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>A database seeded in demo mode, then started in Production: its demo accounts may not sign in.</summary>
public sealed class DemoPasswordInProductionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_account_still_holding_the_demo_password_gets_no_token_until_an_administrator_sets_a_new_one()
    {
        await using var app = await ProductionAsync();
        await SeedDemoAccountsAsync(app);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en"); // the refusal below is asserted in English

        using var refused = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = DirectiveFlowWebFactory.DemoPassword }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("demo-password-refused", problem.GetProperty("code").GetString());
        Assert.Equal("Demo password refused.", problem.GetProperty("title").GetString());
        Assert.Contains("an administrator must set a new password", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await Accounts.ChangeUserAsync(app, "admin", async (users, user) =>
            await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Accounts.OwnPassword));
        Assert.False(string.IsNullOrEmpty(await app.GetTokenAsync("admin", Accounts.OwnPassword)));
    }

    [Fact]
    public async Task The_login_page_and_the_login_form_refuse_the_demo_password_and_say_why()
    {
        await using var app = await ProductionAsync();
        await SeedDemoAccountsAsync(app);
        using var browser = Browser(app);

        using var form = await AccountForms.LoginAsync(browser, "observer");
        Assert.Equal("/login?error=demo-password&returnUrl=%2Finbox", form.Headers.Location?.OriginalString);
        var shown = await browser.GetStringAsync(form.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Quản trị viên cần đặt mật khẩu mới cho tài khoản.", shown, StringComparison.Ordinal);

        using var page = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "observer", ["Input.Password"] = DirectiveFlowWebFactory.DemoPassword, ["_handler"] = "login",
            ["__RequestVerificationToken"] = await AccountForms.TokenFromAsync(browser, "/login"),
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Quản trị viên cần đặt mật khẩu mới cho tài khoản.", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Production_warns_at_start_how_many_accounts_still_hold_the_demo_password(string provider)
    {
        var logs = new CapturedLogs();
        await using var app = await ProductionAsync(services: s => s.AddSingleton<ILoggerProvider>(logs), provider: provider);
        await SeedDemoAccountsAsync(app, unitAccounts: 3);
        using var client = app.CreateClient();

        // admin, observer and the 3 unit accounts; not the one with a password of its own
        Assert.NotNull(await logs.WaitForAsync("5 account(s) still have the demo password"));
    }

    [Fact]
    public async Task Outside_Production_the_demo_accounts_sign_in_as_before()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();

        Assert.False(string.IsNullOrEmpty(await app.GetTokenAsync("admin")));
    }

    /// <summary>
    /// What demo mode left in the database, written before the Production host starts: admin and observer, and
    /// <paramref name="unitAccounts"/> more sharing their hash as the provisioner's unit accounts do; and an account
    /// with a password of its own.
    /// </summary>
    private static async Task SeedDemoAccountsAsync(DirectiveFlowWebFactory app, int unitAccounts = 0)
    {
        await using var db = app.Database.CreateContext();
        var normalizer = new UpperInvariantLookupNormalizer();
        var provisioner = new DemoAccountProvisioner(db, new PasswordHasher<AppUser>(), normalizer,
            Options.Create(new DemoOptions { Enabled = true }), NullLogger<DemoAccountProvisioner>.Instance);
        await provisioner.EnsureAccountsAsync(Ct);
        var demoHash = db.Users.Single(u => u.UserName == "admin").PasswordHash!;
        var ownHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Accounts.OwnPassword);
        foreach (var (name, hash) in Enumerable.Range(0, unitAccounts).Select(i => ($"0007{i}-PARTY", demoHash)).Append(("quantri", ownHash)))
        {
            db.Users.Add(new AppUser
            {
                Id = Guid.NewGuid(), UserName = name, NormalizedUserName = normalizer.NormalizeName(name), PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true, FullName = name,
            });
        }

        await db.SaveChangesAsync(Ct);
    }
}
