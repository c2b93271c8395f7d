using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Web.Tests.Api.Directives;
using DirectiveFlow.Web.Tests.Api.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Web.Tests.Api.Reports;

/// <summary>
/// The app on the demo organisation (the city's four pillars, wards 00004, 00070, 00613 and 00619) with a fake clock
/// (Monday 2 March 2026, 09:00 in Hà Nội, then three days on), and two directives issued over HTTP: a Party
/// conclusion whose PARTY plan is done (four PARTY ward tasks; the other three plans open, the COUNCIL one overdue —
/// twelve ward units not yet reached) and a committee directive to the four ward UBNDs (one completed on time, one
/// completed late, one overdue and never acknowledged). The conclusion is of document type Conclusion, the committee
/// directive of type Directive.
/// </summary>
public sealed class ReportsApiWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private ReportsApiWorld(DirectiveFlowWebFactory app) => App = app;

    public DirectiveFlowWebFactory App { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public Guid Conclusion { get; private set; }

    public Guid CommitteeDirective { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="kestrel">Serve on a real port (Development, so static assets are served) for browser tests.</param>
    public static async Task<ReportsApiWorld> CreateAsync(string provider = "Sqlite", bool kestrel = false)
    {
        var clock = new FakeTimeProvider(Start);
        var app = await CreateAppAsync(clock, provider, kestrel ? "Development" : "Testing");
        if (kestrel)
        {
            app.ServeOnKestrel();
        }

        var world = new ReportsApiWorld(app);
        await world.BuildAsync(clock);
        return world;
    }

    /// <summary>The app, quiet (no scheduler, no mail), on <paramref name="clock"/> (its "now"; authentication stays on real time).</summary>
    public static Task<DirectiveFlowWebFactory> CreateAppAsync(FakeTimeProvider clock, string provider = "Sqlite", string environment = "Testing") =>
        DirectiveFlowWebFactory.CreateAsync(provider, TaskApiWorld.QuietSettings(), services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        }, environment);

    private async Task BuildAsync(FakeTimeProvider clock)
    {
        using var party = await App.CreateClientForAsync("01-PARTY");
        Conclusion = await DirectivesApiTests.IssueAsync(party, "01-PARTY", "party-conclusion", "Kết luận số 15-KL/TU", "Về 5 điểm nghẽn", new { deadlineDays = 10 }, "Conclusion");
        var plan = await TaskOfAsync(Conclusion, "01-PARTY");
        using (var received = await party.PostAsync($"/api/tasks/{plan}/acknowledge", null, Ct))
        {
            received.EnsureSuccessStatusCode();
        }

        using (var done = await party.PostAsJsonAsync($"/api/tasks/{plan}/complete", new { result = "Đã ban hành kế hoạch hành động" }, Ct))
        {
            done.EnsureSuccessStatusCode();
        }

        using var committee = await App.CreateClientForAsync("01-COMMITTEE");
        CommitteeDirective = await DirectivesApiTests.IssueAsync(committee, "01-COMMITTEE", "committee-directive", "Chỉ thị số 07/CT-UBND", "Vành đai 2.5",
            new { deadlineDays = 5 }, "Directive");
        clock.Advance(TimeSpan.FromDays(3));
        var now = clock.GetUtcNow();
        await using var db = App.Database.CreateContext();
        await SetAsync(db, CommitteeDirective, "00004-COMMITTEE", UnitTaskStatus.Completed, now.AddDays(1), now.AddHours(-1));
        await SetAsync(db, CommitteeDirective, "00070-COMMITTEE", UnitTaskStatus.Completed, now.AddDays(-2), now.AddDays(-1));
        await SetAsync(db, CommitteeDirective, "00613-COMMITTEE", UnitTaskStatus.Assigned, now.AddDays(-1), null);
        await SetAsync(db, Conclusion, "01-COUNCIL", UnitTaskStatus.Assigned, now.AddDays(-4), null);
    }

    private static async Task SetAsync(DirectiveFlowDbContext db, Guid directive, string unitCode, UnitTaskStatus status, DateTimeOffset due, DateTimeOffset? completed)
    {
        var unit = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync(Ct);
        var changed = await db.Tasks.Where(t => t.DirectiveId == directive && t.UnitId == unit)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.DueAt, due).SetProperty(t => t.CompletedAt, completed), Ct);
        Assert.Equal(1, changed);
    }

    public async Task<Guid> TaskOfAsync(Guid directive, string unitCode)
    {
        await using var db = App.Database.CreateContext();
        return await (from t in db.Tasks
                      join u in db.Units on t.UnitId equals u.Id
                      where t.DirectiveId == directive && u.Code == unitCode
                      select t.Id).SingleAsync(Ct);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
