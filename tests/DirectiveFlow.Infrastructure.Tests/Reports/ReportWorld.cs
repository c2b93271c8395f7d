using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Tests.Engine;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Reports;

/// <summary>
/// One mixed data set for the leadership views, on Hà Nội with three communes (4 city + 12 ward pillar units):
/// <list type="bullet">
/// <item>a Party conclusion whose PARTY action plan is done (its 3 ward tasks exist) while the COUNCIL, COMMITTEE and
/// FRONT plans are open (9 ward units not yet reached; the COUNCIL plan is overdue);</item>
/// <item>a committee directive to the 3 ward UBNDs (one overdue and never acknowledged);</item>
/// <item>a cascade to the wards' PARTY and FRONT units: completed on time, completed late, due soon, overdue,
/// cancelled and not acknowledged;</item>
/// <item>a sub-cascade task under a ward (left out of every report), and chases in the outbox.</item>
/// </list>
/// </summary>
public sealed class ReportWorld : IAsyncDisposable
{
    private ReportWorld(EngineHost host) => Host = host;

    public EngineHost Host { get; }

    public Guid Conclusion { get; private set; }

    public Guid CommitteeDirective { get; private set; }

    public Guid Cascade { get; private set; }

    public IReadOnlyList<Guid> Directives => [Conclusion, CommitteeDirective, Cascade];

    /// <summary>The overdue FRONT ward task chased twice (plus one email that is not a chase).</summary>
    public Guid ChasedTask { get; private set; }

    public static async Task<ReportWorld> CreateAsync(string provider)
    {
        var world = new ReportWorld(await EngineHost.CreateAsync(provider));
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        var host = Host;
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 3);
        }

        await host.PublishShippedAsync("party-conclusion");
        await host.PublishShippedAsync("committee-directive");
        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"], "pillars": ["PARTY", "FRONT"]}"""));
        Conclusion = (await host.IssueAsync("party-conclusion", "01-PARTY", """{"deadlineDays": 10}""")).Id;
        var conclusionInstance = await InstanceOfAsync(Conclusion);
        var cityParty = await host.UnitIdAsync("01-PARTY");
        var partyPlan = (await FlowDriver.OpenTasksAsync(host, conclusionInstance, "action-plan")).Single(t => t.UnitId == cityParty);
        await host.SendAsync(new ResumeTaskCommand(partyPlan.Id, "Done", "officer"));
        CommitteeDirective = (await host.IssueAsync("committee-directive", "01-COMMITTEE", """{"deadlineDays": 5}""")).Id;
        Cascade = (await host.IssueAsync("wide", "01-FRONT")).Id;
        host.Clock.Advance(TimeSpan.FromDays(3));
        var now = host.Clock.GetUtcNow();

        await using var edit = host.Context();
        var codes = await edit.Units.ToDictionaryAsync(u => u.Id, u => u.Code, EngineHost.Cancel);
        var tasks = await edit.Tasks.ToListAsync(EngineHost.Cancel);
        List<UnitTask> Of(Guid directive, string pillar) =>
            tasks.Where(t => t.DirectiveId == directive && codes[t.UnitId].EndsWith(pillar, StringComparison.Ordinal) && codes[t.UnitId].IndexOf('-', StringComparison.Ordinal) == 5)
                .OrderBy(t => codes[t.UnitId], StringComparer.Ordinal).ToList();

        var party = Of(Cascade, "-PARTY");
        Set(party[0], UnitTaskStatus.Completed, due: now.AddDays(2), completed: now.AddHours(-1));
        Set(party[1], UnitTaskStatus.Completed, due: now.AddDays(-3), completed: now.AddDays(-2));
        Set(party[2], UnitTaskStatus.Acknowledged, due: now.AddHours(20));
        var front = Of(Cascade, "-FRONT");
        Set(front[0], UnitTaskStatus.InProgress, due: now.AddDays(-2));
        Set(front[1], UnitTaskStatus.Cancelled, due: now.AddDays(-2));
        ChasedTask = front[0].Id;
        Set(Of(CommitteeDirective, "-COMMITTEE")[0], UnitTaskStatus.Assigned, due: now.AddDays(-1));
        var councilPlan = tasks.Single(t => t.DirectiveId == Conclusion && codes[t.UnitId] == "01-COUNCIL");
        Set(councilPlan, UnitTaskStatus.Assigned, due: now.AddDays(-4));
        Set(Of(Conclusion, "-PARTY")[0], UnitTaskStatus.Completed, due: now.AddDays(5), completed: now.AddHours(-2));

        // A ward's own re-cascade to a sub-unit: its internal work, in no report.
        var parent = Of(Conclusion, "-PARTY")[1];
        edit.Tasks.Add(new UnitTask
        {
            Id = Guid.NewGuid(), DirectiveId = Conclusion, InstanceId = parent.InstanceId, ActivityId = "carry-out/sub:x", ParentTaskId = parent.Id,
            UnitId = parent.UnitId, AssignerUnitId = parent.UnitId, Title = "Tổ dân phố", Status = UnitTaskStatus.InProgress,
            CreatedAt = now, DueAt = now.AddDays(-1), OriginalDueAt = now.AddDays(-1),
        });
        // Two chases sent; the assignment is no chase, nor is a chase never sent (Skipped: its task had closed meanwhile).
        edit.Outbox.AddRange(Email(ChasedTask, "escalation:1:202603020000", now), Email(ChasedTask, "reminder:1:202603020000", now),
            Email(ChasedTask, $"task:{ChasedTask:N}:assigned:1", now), Email(ChasedTask, "due:202603030000", now, OutboxStatus.Skipped));
        await edit.SaveChangesAsync(EngineHost.Cancel);
    }

    private static void Set(UnitTask task, UnitTaskStatus status, DateTimeOffset due, DateTimeOffset? completed = null)
    {
        task.Status = status;
        task.DueAt = due;
        task.CompletedAt = completed;
    }

    private static OutboxMessage Email(Guid taskId, string key, DateTimeOffset now, OutboxStatus status = OutboxStatus.Sent) => new()
    {
        DedupeKey = key, To = "head@hanoi.gov.vn", Subject = "Nhắc việc", HtmlBody = "", TextBody = "", TaskId = taskId, CreatedAt = now,
        NextAttemptAt = now, Status = status,
    };

    public async Task<Guid> InstanceOfAsync(Guid directiveId)
    {
        await using var db = Host.Context();
        return await db.Directives.Where(d => d.Id == directiveId).Select(d => d.InstanceId).SingleAsync(EngineHost.Cancel);
    }

    /// <summary>Every task the reports count (not the sub-cascade one), as stored.</summary>
    public async Task<List<UnitTask>> CountedTasksAsync()
    {
        await using var db = Host.Context();
        return await db.Tasks.AsNoTracking().Where(t => t.ParentTaskId == null).ToListAsync(EngineHost.Cancel);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
