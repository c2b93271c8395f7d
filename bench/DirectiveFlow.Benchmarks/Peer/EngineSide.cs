using System.Diagnostics;
using System.Security.Claims;
using DirectiveFlow.Benchmarks.Cascade;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>
/// Our engine doing the peer's work: a directive issued through <see cref="IssueDirectiveCommand"/> cascades to the
/// commune-level pillar units of Hà Nội (a task each, with its assignment notice), then every unit's officer completes
/// its task through <see cref="CompleteTaskCommand"/> (the engine moves the flow on in the same transaction; the last
/// completion finishes it), with as many at once as WorkflowCore runs workflows (one per core).
/// </summary>
internal sealed class EngineSide(ServiceProvider services, Guid issuer, int expected)
{
    public int Expected => expected;

    /// <summary>
    /// How many completions run at once: one per core, as WorkflowCore's host; <c>DIRECTIVEFLOW_BENCH_PEER_WORKERS</c>
    /// overrides it (1 shows a completion's time without a second writer waiting for SQLite's lock).
    /// </summary>
    public static int Workers { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("DIRECTIVEFLOW_BENCH_PEER_WORKERS"), out var workers) && workers > 0 ? workers : Environment.ProcessorCount;

    /// <summary>The EF commands of the last run's completion phase and the time spent in them (<see cref="CommandTally"/>).</summary>
    public string LastCompletions { get; private set; } = "";

    public static async Task<EngineSide> PrepareAsync(ServiceProvider services)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        await db.Database.MigrateAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(BenchDatabases.OfficialList(OfficialLists.Hanoi2025));
            if (!import.Succeeded)
            {
                throw new InvalidOperationException("The Hà Nội list did not import.");
            }
        }

        var definition = WorkflowDefinitionSerializer.Deserialize(PeerFlow.Json);
        db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord
        {
            Id = Guid.NewGuid(), DefinitionId = definition.Id, Version = 1, Name = definition.Name, IsPublished = true, IsLatest = true, Json = PeerFlow.Json,
        });
        await db.SaveChangesAsync();
        var issuer = await db.Units.Where(u => u.Code == "01-PARTY").Select(u => u.Id).SingleAsync();
        var expected = await db.Units.CountAsync(u => u.Level == UnitLevel.Commune && u.Kind == OrgUnitKind.PillarUnit && u.IsActive);
        if (expected < 100)
        {
            throw new InvalidOperationException($"Hà Nội has only {expected:N0} commune-level pillar units after the import.");
        }

        return new EngineSide(services, issuer, expected);
    }

    /// <summary>The commune-level pillar units' codes: the peer's units, the same number.</summary>
    public async Task<List<string>> UnitCodesAsync()
    {
        await using var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        return await db.Units.Where(u => u.Level == UnitLevel.Commune && u.Kind == OrgUnitKind.PillarUnit && u.IsActive).Select(u => u.Code).ToListAsync();
    }

    public async Task<(TimeSpan Issue, TimeSpan Complete)> RunAsync()
    {
        var watch = Stopwatch.StartNew();
        IssueDirectiveResult issued;
        await using (var scope = services.CreateAsyncScope())
        {
            issued = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IssueDirectiveCommand(
                "Chỉ thị số 02/CT-TU", "Giao việc cho từng xã, phường", "", DirectivePriority.Normal, issuer, PeerFlow.Id, [], "bench", Caller.System));
        }

        var issue = watch.Elapsed;
        List<(Guid Id, Guid Unit)> tasks;
        await using (var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext())
        {
            tasks = (await db.Tasks.Where(t => t.DirectiveId == issued.Id && t.Status == UnitTaskStatus.Assigned).Select(t => new { t.Id, t.UnitId }).ToListAsync())
                .Select(t => (t.Id, t.UnitId)).ToList();
            // Rows, and the notices the cascade left on their shared models for the dispatcher to make rows of.
            var notices = await db.Outbox.CountAsync(m => m.DirectiveId == issued.Id && m.Template == "assigned")
                + await db.OutboxModels.Where(m => m.NoticeDirectiveId == issued.Id && m.NoticeTemplate == "assigned").SumAsync(m => m.NoticeCount);
            if (tasks.Count != expected || notices != expected)
            {
                throw new InvalidOperationException($"Our engine left {tasks.Count:N0} tasks waiting with {notices:N0} assignment notices, not {expected:N0} of each.");
            }

            // Acknowledging is a step of its own that the peer's model has not; done by hand, not measured (as in -- completion).
            await db.Tasks.Where(t => t.DirectiveId == issued.Id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, UnitTaskStatus.Acknowledged)
                .SetProperty(t => t.AcknowledgedAt, DateTimeOffset.UtcNow)
                .SetProperty(t => t.ConcurrencyStamp, t => t.ConcurrencyStamp + 1));
        }

        using var commands = new CommandTally();
        // The process's CPU time over the phase: on a shared machine a steadier measure of our own work than the wall clock.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (task, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = Officer(task.Unit) };
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CompleteTaskCommand(task.Id, "Đã hoàn thành"), ct);
        });
        var complete = watch.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        LastCompletions = $"CPU {cpu.TotalMilliseconds:F0} ms ({cpu.TotalMilliseconds / tasks.Count:F2} ms per completion); " + commands.TakeTransactions() + "; " + commands.Take();
        await using (var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext())
        {
            var completed = await db.Tasks.CountAsync(t => t.DirectiveId == issued.Id && t.Status == UnitTaskStatus.Completed);
            var flow = await db.WorkflowInstances.Where(i => i.Id == issued.InstanceId).Select(i => i.Status).SingleAsync();
            if (completed != expected || flow != WorkflowInstanceStatus.Completed)
            {
                throw new InvalidOperationException($"Our engine completed {completed:N0} of {expected:N0} tasks; the flow is {flow}, not Completed.");
            }
        }

        return (issue, complete);
    }

    private static ClaimsPrincipal Officer(Guid unit) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "bench-officer"),
            new Claim(DirectiveFlowClaims.UnitId, unit.ToString()),
            new Claim(ClaimTypes.Role, Roles.UnitOfficer),
        ],
        authenticationType: "bench"));
}
