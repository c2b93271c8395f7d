using System.Net.Http.Json;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Directives;
using DirectiveFlow.Web.Tests.Api.Reports;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>
/// Hà Nội as a leader sees it: the official list (126 communes, 504 ward units) and four directives issued over the
/// last ten weeks through the API — two Party conclusions whose city plans cascade to the wards (the council and Front
/// plans of the first still open, so 252 ward units are not yet reached), two committee directives to the 126 ward
/// UBNDs — then every ward task moved to a plausible state (completed on time or late, in hand, overdue) and the
/// overdue ones chased. Served on a real port; "now" is Monday 7 December 2026, 10:00 in Hà Nội.
/// </summary>
public sealed class HanoiOverviewWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(7));

    private HanoiOverviewWorld(DirectiveFlowWebFactory app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public DirectiveFlowWebFactory App { get; }

    public string BaseUrl { get; }

    public Guid Conclusion { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HanoiOverviewWorld> CreateAsync()
    {
        var clock = new FakeTimeProvider(Now.AddDays(-70));
        var app = await ReportsApiWorld.CreateAppAsync(clock, environment: "Development");
        var world = new HanoiOverviewWorld(app, app.ServeOnKestrel());
        await world.BuildAsync(clock);
        return world;
    }

    private async Task BuildAsync(FakeTimeProvider clock)
    {
        using (var scope = App.Services.CreateScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(await File.ReadAllBytesAsync(ReferenceData.HanoiCommunesCsv, Ct), Ct);
            Assert.Empty(import.Problems);
        }

        // Tokens live 8 hours of the fake clock: each step signs in afresh.
        Conclusion = await IssueAsync("01-PARTY", "party-conclusion", "Kết luận số 15-KL/TU",
            "Về tháo gỡ 5 điểm nghẽn, đẩy nhanh giải phóng mặt bằng Vành đai 4", new { deadlineDays = 10 });
        clock.Advance(TimeSpan.FromDays(2));
        await CompletePlanAsync(Conclusion, "01-PARTY");
        await CompletePlanAsync(Conclusion, "01-COMMITTEE");
        clock.Advance(TimeSpan.FromDays(19));
        await IssueAsync("01-COMMITTEE", "committee-directive", "Chỉ thị số 07/CT-UBND",
            "Về tăng cường quản lý trật tự xây dựng trên địa bàn Thành phố", new { deadlineDays = 15 });
        clock.Advance(TimeSpan.FromDays(21));
        var second = await IssueAsync("01-PARTY", "party-conclusion", "Kết luận số 22-KL/TU",
            "Về xây dựng Công viên công nghệ số Tây Tựu – Phú Diễn", new { deadlineDays = 5 });
        clock.Advance(TimeSpan.FromDays(1));
        foreach (var pillar in new[] { "01-PARTY", "01-COUNCIL", "01-COMMITTEE", "01-FRONT" })
        {
            await CompletePlanAsync(second, pillar);
        }

        clock.Advance(TimeSpan.FromDays(14));
        await IssueAsync("01-COMMITTEE", "committee-directive", "Kế hoạch số 32/KH-UBND",
            "Về cải tạo, chỉnh trang cảnh quan Hồ Tây", new { deadlineDays = 20 });
        clock.SetUtcNow(Now);
        await SpreadAsync();
    }

    private async Task<Guid> IssueAsync(string issuer, string flow, string number, string title, object inputs)
    {
        using var client = await App.CreateClientForAsync(issuer);
        return await DirectivesApiTests.IssueAsync(client, issuer, flow, number, title, inputs);
    }

    private async Task CompletePlanAsync(Guid directive, string unitCode)
    {
        using var client = await App.CreateClientForAsync(unitCode);
        await using var db = App.Database.CreateContext();
        var plan = await (from t in db.Tasks
                          join u in db.Units on t.UnitId equals u.Id
                          where t.DirectiveId == directive && u.Code == unitCode
                          select t.Id).SingleAsync(Ct);
        using (var received = await client.PostAsync($"/api/tasks/{plan}/acknowledge", null, Ct))
        {
            received.EnsureSuccessStatusCode();
        }

        using var done = await client.PostAsJsonAsync($"/api/tasks/{plan}/complete", new { result = "Đã ban hành kế hoạch hành động" }, Ct);
        done.EnsureSuccessStatusCode();
    }

    /// <summary>Every ward task to a state a real month would leave it in (fixed by a seed, so every run looks the same).</summary>
    private async Task SpreadAsync()
    {
        await using var db = App.Database.CreateContext();
        var wardUnits = db.Units.Where(u => u.Level == Core.Organisation.UnitLevel.Commune).Select(u => u.Id);
        var tasks = await (from t in db.Tasks
                           join u in db.Units on t.UnitId equals u.Id
                           where wardUnits.Contains(t.UnitId)
                           orderby t.CreatedAt, u.Code
                           select t).ToListAsync(Ct);
        var random = new Random(2026);
        foreach (var task in tasks)
        {
            var span = Now - task.CreatedAt;
            task.DueAt = task.OriginalDueAt = task.CreatedAt + TimeSpan.FromDays(random.Next(7, 45));
            var roll = random.NextDouble();
            if (task.DueAt < Now)
            {
                if (roll < 0.55)
                {
                    Complete(task, task.CreatedAt + ((task.DueAt - task.CreatedAt) * random.NextDouble()));
                }
                else if (roll < 0.75)
                {
                    Complete(task, task.DueAt + ((Now - task.DueAt) * random.NextDouble()));
                }
                else
                {
                    task.Status = roll < 0.85 ? UnitTaskStatus.Assigned : UnitTaskStatus.InProgress;
                    task.ProgressPercent = task.Status == UnitTaskStatus.InProgress ? random.Next(1, 9) * 10 : 0;
                    foreach (var key in new[] { "reminder:1", "due:1", "escalation:1", "escalation:2" }.Take(random.Next(1, 5)))
                    {
                        db.Outbox.Add(new OutboxMessage
                        {
                            DedupeKey = key, To = "lanh-dao@demo.directiveflow.vn", Subject = "Nhắc việc quá hạn", HtmlBody = "", TextBody = "",
                            TaskId = task.Id, DirectiveId = task.DirectiveId, Status = OutboxStatus.Sent, CreatedAt = task.DueAt, NextAttemptAt = task.DueAt,
                            SentAt = task.DueAt,
                        });
                    }
                }
            }
            else if (roll < 0.2 && span > TimeSpan.FromDays(3))
            {
                Complete(task, task.CreatedAt + (span * random.NextDouble()));
            }
            else
            {
                task.Status = roll < 0.45 ? UnitTaskStatus.Assigned : roll < 0.7 ? UnitTaskStatus.Acknowledged : UnitTaskStatus.InProgress;
                task.ProgressPercent = task.Status == UnitTaskStatus.InProgress ? random.Next(1, 9) * 10 : 0;
            }
        }

        await db.SaveChangesAsync(Ct);
    }

    private static void Complete(UnitTask task, DateTimeOffset at)
    {
        task.Status = UnitTaskStatus.Completed;
        task.CompletedAt = at;
        task.ProgressPercent = 100;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
