using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tests.Engine;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Directives;

public sealed class DirectiveTests
{
    private const string RequiredInputFlow = """
        {
          "id": "needs-days", "name": "Needs days",
          "inputs": [{"name": "deadlineDays", "type": "number", "required": true}],
          "activities": [
            {"id": "start", "type": "Start", "properties": {}},
            {"id": "do", "type": "UnitTask", "properties": {"title": "Việc", "deadline": {"input": "deadlineDays"}}},
            {"id": "end", "type": "End", "properties": {}}
          ],
          "connections": [{"source": "start", "outcome": "Done", "target": "do"}, {"source": "do", "outcome": "Done", "target": "end"}]
        }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Issuing_refuses_unknown_flows_units_and_missing_inputs_and_writes_nothing(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(RequiredInputFlow);
        var issuer = await host.UnitIdAsync("01-PARTY");

        var unknownFlow = await Assert.ThrowsAsync<ProblemException>(() => host.SendAsync(new IssueDirectiveCommand("1", "T", "", DirectivePriority.Normal, issuer, "nope", null, "x", Caller.System)));
        var unknownUnit = await Assert.ThrowsAsync<ProblemException>(() => host.SendAsync(new IssueDirectiveCommand("1", "T", "", DirectivePriority.Normal, Guid.NewGuid(), "needs-days", [], "x", Caller.System)));
        var missingInput = await Assert.ThrowsAsync<ProblemException>(() => host.SendAsync(new IssueDirectiveCommand("1", "T", "", DirectivePriority.Normal, issuer, "needs-days", [], "x", Caller.System)));
        var notNumber = await Assert.ThrowsAsync<ProblemException>(() => host.SendAsync(new IssueDirectiveCommand("", "T", "", DirectivePriority.Normal, issuer, "needs-days",
            new System.Text.Json.Nodes.JsonObject { ["deadlineDays"] = "năm" }, "x", Caller.System)));

        Assert.Contains("workflowDefinitionId", unknownFlow.Errors.Keys);
        Assert.Contains("issuingUnitId", unknownUnit.Errors.Keys);
        Assert.Contains("inputs.deadlineDays", missingInput.Errors.Keys);
        Assert.Contains("inputs.deadlineDays", notNumber.Errors.Keys);
        Assert.Contains("number", notNumber.Errors.Keys);
        await using var read = host.Context();
        Assert.Equal(0, await read.Directives.CountAsync(EngineHost.Cancel));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Progress_counts_each_category_overall_and_per_pillar_from_dates_and_states(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"], "pillars": ["PARTY", "FRONT"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var work = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work");
        Assert.Equal(4, work.Count);
        await host.SendAsync(new ResumeTaskCommand(work[0].Id, "Done", "officer"));
        host.Clock.Advance(TimeSpan.FromDays(14));
        await host.SendAsync(new ResumeTaskCommand(work[1].Id, "Done", "officer"));

        var detail = await host.QueryAsync(new GetDirectiveQuery(issued.Id));

        Assert.NotNull(detail);
        Assert.Equal(new DirectiveProgress(4, 1, 1, 0, 2, NotAcknowledged: 2), detail.Progress);
        Assert.Equal(["FRONT", "PARTY"], detail.ByPillar.Select(p => p.Pillar).Order());
        Assert.Equal(4, detail.ByPillar.Sum(p => p.Progress.Total));
        Assert.Equal(new CascadeProgress(4, 4), detail.Cascade);
        Assert.Equal("Running", detail.Status);

        var overdue = await host.QueryAsync(new ListDirectiveTasksQuery(issued.Id, null, TaskCategory.OpenOverdue, null, null, PageRequest.From(1, 10)));
        Assert.Equal(2, overdue.Total);
        Assert.All(overdue.Items, t => Assert.Equal("OpenOverdue", t.Category));
        var all = await host.QueryAsync(new ListDirectiveTasksQuery(issued.Id, null, null, null, null, PageRequest.From(1, 2)));
        Assert.Equal(4, all.Total);
        Assert.Equal(2, all.Items.Count);

        var journal = await host.QueryAsync(new ListDirectiveJournalQuery(issued.Id, PageRequest.From(1, 100)));
        Assert.Contains(journal.Items, j => j.Action == "instance.started");
        Assert.Contains(journal.Items, j => j.Action == "task.completed" && j.Actor == "officer");
        var list = await host.QueryAsync(new ListDirectivesQuery(null, "15-KL", null, PageRequest.From(1, 10)));
        Assert.Equal(issued.Id, Assert.Single(list.Items).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_directive_list_is_searched_as_officials_type_without_case_or_diacritics(string provider)
    {
        // Regression: the search matched the number and title as stored, so "ket luan" or "KẾT LUẬN" found nothing.
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"], "pillars": ["PARTY"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");

        async Task<IReadOnlyList<Guid>> FoundAsync(string q) =>
            (await host.QueryAsync(new ListDirectivesQuery(null, q, null, PageRequest.From(1, 10)))).Items.Select(d => d.Id).ToList();

        foreach (var q in new[] { "ket luan so 15", "KẾT LUẬN", "15-kl/tu", "diem nghen", "  Điểm Nghẽn  " })
        {
            Assert.Equal([issued.Id], await FoundAsync(q));
        }

        Assert.Empty(await FoundAsync("chi thi"));

        // A database migrated from before the key: the column holds its default until the start-up fill writes it.
        await using (var db = host.Context())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Directives\" SET \"SearchKey\" = ''", EngineHost.Cancel);
        }

        Assert.Empty(await FoundAsync("ket luan"));
        await using (var db = host.Context())
        {
            Assert.Equal(1, await SearchKeys.FillAsync(db, EngineHost.Cancel));
        }

        Assert.Equal([issued.Id], await FoundAsync("ket luan"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_issue_key_sent_twice_at_once_issues_one_directive_and_both_get_it(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"], "pillars": ["PARTY"]}"""));
        var issuer = await host.UnitIdAsync("01-PARTY");
        IssueDirectiveCommand Issue(string actor) => new("Kết luận số 22-KL/TU", "Về cải cách hành chính", "", DirectivePriority.Normal, issuer, "wide",
            [], actor, Caller.System) { IssueKey = "khoa-1" };

        var both = await Task.WhenAll(host.SendAsync(Issue("issuer.a")), host.SendAsync(Issue("issuer.a")));
        var another = await host.SendAsync(Issue("issuer.b"));

        Assert.Equal(both[0].Id, both[1].Id);
        Assert.Equal(1, both.Count(r => r.Replayed));
        Assert.NotEqual(both[0].Id, another.Id);
        await using var read = host.Context();
        Assert.Equal(2, await read.Directives.CountAsync(EngineHost.Cancel));
        Assert.Equal(4, await read.Tasks.CountAsync(EngineHost.Cancel)); // two communes' party units for each of the two
    }

    private static async Task<EngineHost> SeededAsync(string provider)
    {
        var host = await EngineHost.CreateAsync(provider);
        await using var db = host.Context();
        await TestOrganisation.SeedHanoiAsync(db, communeLimit: 2);
        return host;
    }
}
