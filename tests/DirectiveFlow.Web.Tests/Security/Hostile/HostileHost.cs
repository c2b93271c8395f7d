using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Security.Hostile;

/// <summary>
/// The app in Development (demo mode, demo logins) or Production (its own signing key, demo off, an outside SMTP host,
/// an organisation imported and two accounts made by hand), with a directive issued so that routes can carry real ids.
/// Callers: an administrator, a ward officer (lead of one of the directive's tasks) and anonymous, all over https so
/// that Production's HTTPS redirection, if any, does not get in the way.
/// </summary>
public sealed class HostileHost : IAsyncDisposable
{
    public const string Administrator = "administrator";
    public const string WardOfficer = "ward officer";
    public const string Anonymous = "anonymous";
    public const string WardUnit = "00070-COMMITTEE";

    private const string Password = "Hostile-Input-Tests-2026!";
    private const string Wards = """
        province_code,province_name,code,name,type
        01,Thành phố Hà Nội,00070,Hoàn Kiếm,phuong
        01,Thành phố Hà Nội,00004,Ba Đình,phuong
        """;

    private HostileHost(DirectiveFlowWebFactory app, string environment)
    {
        App = app;
        Environment = environment;
    }

    public DirectiveFlowWebFactory App { get; }

    public string Environment { get; }

    public Dictionary<string, HttpClient> Callers { get; } = [];

    public Guid DirectiveId { get; private set; }

    public Guid TaskId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The city committee: the directive's issuer, and a unit the administrator may issue for.</summary>
    public Guid IssuerId { get; private set; }

    public static async Task<HostileHost> StartAsync(string environment)
    {
        var production = environment == "Production";
        var settings = new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "false",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "9",
            ["Demo:Enabled"] = production ? "false" : "true",
            ["Auth:SigningKey"] = production ? "a-production-secret-for-hostile-input-tests-0123456789" : null,
            ["App:BaseUrl"] = production ? "https://directiveflow.hanoi.gov.vn" : null,
        };
        var host = new HostileHost(await DirectiveFlowWebFactory.CreateAsync(settings: settings, environment: environment), environment);
        var (admin, officer) = production ? await host.MakeAccountsAsync() : ("admin", WardUnit);
        host.Callers[Administrator] = await host.ClientAsync(admin);
        host.Callers[WardOfficer] = await host.ClientAsync(officer);
        host.Callers[Anonymous] = host.App.CreateClient(Options());
        foreach (var client in host.Callers.Values)
        {
            // The refusals these tests read are asserted in English; the Vietnamese default is ProblemLanguageApiTests'.
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        }

        await host.IssueDirectiveAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Callers.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }

    private static WebApplicationFactoryClientOptions Options() => new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") };

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = App.CreateClient(Options());
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = Environment == "Production" ? Password : DirectiveFlowWebFactory.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Production has no demo: the organisation comes from an import and the accounts are made here.</summary>
    private async Task<(string Admin, string Officer)> MakeAccountsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var imported = await services.GetRequiredService<OrganisationImporter>().ImportAsync(Encoding.UTF8.GetBytes(Wards));
        Assert.True(imported.Succeeded);
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            Assert.True((await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() })).Succeeded);
        }

        var ward = await services.GetRequiredService<DirectiveFlowDbContext>().Units.SingleAsync(u => u.Code == WardUnit);
        await MakeUserAsync(services, "hostile-admin", null, Roles.Administrator);
        await MakeUserAsync(services, "hostile-officer", ward.Id, Roles.UnitOfficer);
        return ("hostile-admin", "hostile-officer");
    }

    private static async Task MakeUserAsync(IServiceProvider services, string name, Guid? unitId, string role)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = Guid.NewGuid(), UserName = name, Email = name + "@example.invalid", UnitId = unitId, FullName = name };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private async Task IssueDirectiveAsync()
    {
        var committee = IssuerId = await App.UnitIdAsync("01-COMMITTEE");
        using var issued = await Callers[Administrator].PostAsJsonAsync("/api/directives", new
        {
            number = "01/KH-UBND", title = "Kế hoạch thử đầu vào độc hại", issuingUnitId = committee, workflowDefinitionId = "committee-directive",
        });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        DirectiveId = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        UnitId = await App.UnitIdAsync(WardUnit);
        TaskId = await App.QueryAsync(db => db.Tasks.Where(t => t.DirectiveId == DirectiveId && t.UnitId == UnitId).Select(t => t.Id).FirstAsync());
    }
}
