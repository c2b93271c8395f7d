using System.Net;
using System.Net.Http.Json;
using System.Xml;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.Web.Tests.Api.Directives;
using DirectiveFlow.Web.Tests.Api.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Email;

/// <summary>
/// Issue 12 part 7: every link in every email leads somewhere. One app host on a configured public address runs a
/// real scenario — a directive worked through review (one task returned, the summary with its supporting departments),
/// one withdrawn, and one left undone while the demo clock moves day by day — so the product itself writes every kind of email; each
/// is checked as sent and rendered again from its own model in both languages.
/// </summary>
public sealed class EmailLinkTests
{
    private const string BaseUrl = "https://directiveflow.example.vn";
    private const string Issuer = "01-COMMITTEE";
    private static readonly string[] Languages = ["vi", "en"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_link_in_every_email_template_in_both_languages_maps_to_a_route_and_an_existing_record()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "false",
            ["App:BaseUrl"] = BaseUrl,
        });
        using var issuer = await app.CreateClientForAsync(Issuer);
        using var admin = await app.CreateClientForAsync("admin");

        var worked = await DirectivesApiTests.IssueAsync(issuer, Issuer, "committee-directive", "Chỉ thị số 21/CT-UBND", "Chỉnh trang đô thị", new { deadlineDays = 10 });
        await WorkThroughReviewAsync(app, issuer, worked);
        await DirectivesApiTests.IssueAsync(issuer, Issuer, "committee-directive", "Công điện số 5/CĐ-UBND", "Phòng chống ngập úng", new { deadlineDays = 3 });
        // One withdrawn, so its units get the withdrawal notice.
        var withdrawn = await DirectivesApiTests.IssueAsync(issuer, Issuer, "committee-directive", "Chỉ thị số 22/CT-UBND", "Ban hành nhầm", new { deadlineDays = 5 });
        using (var withdrawal = await issuer.PostAsJsonAsync($"/api/directives/{withdrawn}/withdraw", new { reason = "Ban hành nhầm; thay bằng Chỉ thị số 21/CT-UBND." }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawal.StatusCode);
        }

        // To 08:00 in Hà Nội, then day by day, so each step of the ladder is its own email (a jump, or an evening past
        // the deadline, would send only the highest): the due-today notice, past a Monday (the weekly summary), the
        // 07:30 escalation digest window and the weekly progress report's date; three weeks, so a holiday such as Tết
        // cannot leave the ladder unfinished.
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var morning = VietnamTime.At(VietnamTime.DateOf(now).AddDays(1), new TimeOnly(8, 0));
        await AdvanceAsync(admin, morning - now);
        for (var day = 0; day < 21; day++)
        {
            await AdvanceAsync(admin, TimeSpan.FromDays(1));
        }

        var routes = AppRoutes.Of(app.Services);
        var renderer = app.Services.GetRequiredService<EmailRenderer>();
        await using var db = app.Database.CreateContext();
        var checker = new EmailLinkChecker(BaseUrl, routes, await KnownIds.ReadAsync(db, Ct));
        var messages = await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);

        var problems = new List<string>();
        var rendered = new HashSet<(string Template, string Language)>();
        var links = 0;
        foreach (var message in messages)
        {
            // As the product sent it (the task events' emails have no template; rows held for a digest, no body)...
            if (message.Subject.Length > 0)
            {
                var sent = new RenderedEmail(message.Subject, message.HtmlBody, message.TextBody, message.IcsContent, message.IcsFileName);
                links += Check(checker, $"{message.DedupeKey} as sent", sent, problems);
                var language = await RecipientLanguages.ResolveAsync(db, message.To, Ct);
                problems.AddRange(OneLanguage.ProblemsOf(sent, language, message.ModelJson).Select(p => $"{message.DedupeKey} as sent: {p}"));
            }

            // ...and from its completed model in each language, as the dispatcher renders it for a reader of that language.
            if (message.Template is null || message.ModelJson is null)
            {
                continue;
            }

            foreach (var language in Languages)
            {
                var email = renderer.Render(message.Template, language, message.ModelJson);
                rendered.Add((message.Template, language));
                links += Check(checker, $"{message.DedupeKey} in {language}", email, problems);
                problems.AddRange(OneLanguage.ProblemsOf(email, language, message.ModelJson).Select(p => $"{message.DedupeKey} ({message.Template}): {p}"));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{messages.Count} emails ({string.Join(", ", messages.GroupBy(m => m.Template ?? "task event").Select(g => $"{g.Key} {g.Count()}"))}), {links} links checked");
        var missing = EmailTemplates.All.SelectMany(t => Languages.Select(l => (Template: t, Language: l))).Except(rendered).ToList();
        Assert.True(missing.Count == 0, "the scenario never produced: " + string.Join(", ", missing.Select(m => $"{m.Template}.{m.Language}"))
            + " — make it produce them, or render them from the model the product builds");
        Assert.True(problems.Count == 0, $"{problems.Count} problems, the first:\n" + string.Join('\n', problems.Distinct().Take(40)));
        Assert.True(routes.Count > 20, $"only {routes.Count} GET routes read from the app");
        Assert.True(links >= messages.Count, $"{links} links in {messages.Count} emails");
    }

    [Fact]
    public async Task The_checker_refuses_a_made_up_path_a_foreign_host_and_an_id_that_does_not_exist_and_accepts_a_real_one()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });
        var task = Guid.NewGuid();
        var checker = new EmailLinkChecker(BaseUrl, AppRoutes.Of(app.Services), new KnownIds(new HashSet<Guid> { task }, new HashSet<Guid>(), new HashSet<Guid>()));
        var email = new RenderedEmail(
            "[Nhắc việc] Thử",
            $"""<p><a href="{BaseUrl}/tasks/{task}">Mở</a> <a href="{BaseUrl}/task/{task}">Sai</a> <a href="http://localhost:5000/tasks/{task}">Cũ</a></p>""",
            $"{BaseUrl}/tasks/{Guid.Empty}\n{BaseUrl}/tasks/not-a-guid.\n{BaseUrl}/reports/weekly?week=2026-W49",
            $"BEGIN:VCALENDAR\r\nDESCRIPTION:{BaseUrl}/overvie\r\n w/nothing\r\nEND:VCALENDAR\r\n",
            "deadline.ics");

        var links = EmailLinkChecker.LinksOf(email);
        var verdicts = links.ToDictionary(l => l, checker.ProblemsOf);

        Assert.Equal(7, links.Count);
        Assert.Empty(verdicts[$"{BaseUrl}/tasks/{task}"]);
        Assert.Empty(verdicts[$"{BaseUrl}/reports/weekly?week=2026-W49"]);
        Assert.Contains("no route", Assert.Single(verdicts[$"{BaseUrl}/task/{task}"]), StringComparison.Ordinal);
        Assert.Contains("not on the public address", Assert.Single(verdicts[$"http://localhost:5000/tasks/{task}"]), StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Single(verdicts[$"{BaseUrl}/tasks/{Guid.Empty}"]), StringComparison.Ordinal);
        Assert.Contains("no route", Assert.Single(verdicts[$"{BaseUrl}/tasks/not-a-guid"]), StringComparison.Ordinal);
        Assert.Contains("no route", Assert.Single(verdicts[$"{BaseUrl}/overview/nothing"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_embedded_email_template_is_listed_in_EmailTemplates_All_in_both_languages()
    {
        const string prefix = "DirectiveFlow.Email.Templates.";
        var embedded = typeof(EmailTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".liquid", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^".liquid".Length])
            .Order(StringComparer.Ordinal);

        Assert.Equal(EmailTemplates.All.SelectMany(t => Languages.Select(l => $"{t}.{l}")).Order(StringComparer.Ordinal), embedded);
    }

    private static async Task AdvanceAsync(HttpClient admin, TimeSpan by)
    {
        using var advanced = await admin.PostAsJsonAsync("/api/dev/clock", new { advance = XmlConvert.ToString(by) }, Ct);
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
    }

    private static int Check(EmailLinkChecker checker, string what, RenderedEmail email, List<string> problems)
    {
        var links = EmailLinkChecker.LinksOf(email);
        problems.AddRange(links.SelectMany(checker.ProblemsOf).Select(p => $"{what}: {p}"));
        return links.Count;
    }

    /// <summary>
    /// Every ward acknowledges and reports; the issuer returns one (the "returned" notice), it reports again, and all
    /// are accepted: the flow gives the issuer the summary task, with the city departments supporting it.
    /// </summary>
    private static async Task WorkThroughReviewAsync(DirectiveFlowWebFactory app, HttpClient issuer, Guid directive)
    {
        var tasks = (await issuer.GetFromJsonAsync<PagedResult<TaskListItemDto>>("/api/tasks?scope=assigned&pageSize=100", TaskApiWorld.Json, Ct))!
            .Items.Where(t => t.DirectiveId == directive).ToList();
        Assert.NotEmpty(tasks);
        foreach (var task in tasks)
        {
            using var ward = await app.CreateClientForAsync(task.UnitCode);
            await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{task.Id}/acknowledge"));
            await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{task.Id}/complete", new { result = "Đã thực hiện tại " + task.UnitName }));
        }

        await HttpAssert.OkTaskAsync(await issuer.PostJsonAsync($"/api/tasks/{tasks[0].Id}/review", new { decision = "return", comment = "Thiếu hình ảnh" }));
        using (var ward = await app.CreateClientForAsync(tasks[0].UnitCode))
        {
            await HttpAssert.OkTaskAsync(await ward.PostJsonAsync($"/api/tasks/{tasks[0].Id}/complete", new { result = "Đã bổ sung hình ảnh" }));
        }

        foreach (var task in tasks)
        {
            await HttpAssert.OkTaskAsync(await issuer.PostJsonAsync($"/api/tasks/{task.Id}/review", new { decision = "accept" }));
        }
    }
}
