using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Calendar;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Directives;
using DirectiveFlow.Web.Tests.Infrastructure;
using DirectiveFlow.Web.Tests.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Tests.Cluster;

/// <summary>
/// Issue 16 §3: identical nodes on one database. What a user does on one node holds on the other; the due work run on
/// both at once sends every email once; a node that dies mid-sweep leaves the rest to the other.
/// </summary>
public sealed class TwoNodeClusterTests
{
    private const string Purpose = "DirectiveFlow.Tests.Cluster";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Data_protected_on_one_node_is_read_on_the_other_with_keys_from_the_database_not_the_machine(string provider)
    {
        await using var cluster = await TwoNodeCluster.StartAsync(provider);
        var secret = cluster.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("Chỉ thị số 05");

        Assert.Equal("Chỉ thị số 05", cluster.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(secret));
        Assert.Equal(SharedKeysExtensions.ApplicationName,
            cluster.B.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
        Assert.Equal(1, await cluster.QueryAsync(db => db.DataProtectionKeys.CountAsync(Ct)));
        // A node of another database, on this same machine (same user, same folders), has keys of its own.
        await using var elsewhere = await DirectiveFlowWebFactory.CreateAsync();
        var stranger = elsewhere.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        Assert.ThrowsAny<CryptographicException>(() => stranger.Unprotect(secret));
    }

    [Fact]
    public async Task With_a_certificate_configured_the_keys_are_stored_encrypted_and_both_nodes_still_read_them()
    {
        var folder = Directory.CreateTempSubdirectory("directiveflow-keys-");
        try
        {
            var pfx = Path.Combine(folder.FullName, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var now = TimeProvider.System.GetUtcNow();
                var request = new CertificateRequest("CN=DirectiveFlow keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "mật khẩu"), Ct);
            }

            await using var cluster = await TwoNodeCluster.StartAsync(nameof(DatabaseProvider.Sqlite), new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = pfx,
                ["DataProtection:CertificatePassword"] = "mật khẩu",
            });
            var secret = cluster.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("Chỉ thị số 06");

            Assert.Equal("Chỉ thị số 06", cluster.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(secret));
            var stored = Assert.Single(await cluster.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct)));
            Assert.Contains("<encryptedSecret", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", stored, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Signed_in_on_one_node_a_user_acts_on_the_other_and_a_directive_issued_on_A_is_served_by_B()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        using var onA = cluster.Browser(cluster.A);
        using var onB = cluster.Browser(cluster.B);

        // The sign-in form from B, posted to A: A checks B's antiforgery token and issues the cookie.
        using (var login = await PostFormAsync(onA, "/account/login", await AccountForms.TokenFromAsync(onB, "/login"),
            ("username", "admin"), ("password", DirectiveFlowWebFactory.DemoPassword), ("returnUrl", "/mailbox")))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal("/mailbox", login.Headers.Location?.OriginalString);
        }

        // B reads A's cookie, and takes a form of A's page (antiforgery token bound to the signed-in user) as its own.
        using (var page = await onB.GetAsync("/mailbox", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using (var advanced = await PostFormAsync(onB, "/dev/clock", await AccountForms.TokenFromAsync(onA, "/mailbox"), ("advance", "P1D")))
        {
            Assert.Equal(HttpStatusCode.Redirect, advanced.StatusCode);
            Assert.Equal("/mailbox", advanced.Headers.Location?.OriginalString);
        }

        var clockOnA = cluster.A.Services.GetRequiredService<DemoTimeProvider>();
        await clockOnA.RefreshAsync(Ct);
        Assert.Equal(TimeSpan.FromDays(1), clockOnA.Offset);

        // A directive issued on A (a bearer token from A): B lists it, shows its page and serves its tasks.
        using var issuer = await BearerClientsAsync(cluster.A, cluster.B, "01-COMMITTEE");
        var directiveId = await DirectivesApiTests.IssueAsync(issuer.OnA, "01-COMMITTEE", "committee-directive", "Công điện số 21/CĐ-UBND",
            "Ứng phó bão số 3", new { deadlineDays = 5 });
        var detail = await issuer.OnB.GetFromJsonAsync<JsonElement>($"/api/directives/{directiveId}", Ct);
        Assert.Equal("Công điện số 21/CĐ-UBND", detail.GetProperty("number").GetString());
        var tasksOnB = await issuer.OnB.GetFromJsonAsync<JsonElement>($"/api/directives/{directiveId}/tasks?pageSize=100", Ct);
        var written = await cluster.QueryAsync(db => db.Tasks.CountAsync(t => t.DirectiveId == directiveId, Ct));
        Assert.True(written >= 4, $"{written} tasks");
        Assert.Equal(written, tasksOnB.GetProperty("total").GetInt32());
        var html = await onB.GetStringAsync($"/directives/{directiveId}", Ct);
        Assert.Contains("Công điện số 21/CĐ-UBND", html, StringComparison.Ordinal);

        // Signing out on B with A's token: the cookie is gone for both.
        using (var logout = await PostFormAsync(onB, "/account/logout", await AccountForms.TokenFromAsync(onA, "/mailbox")))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        using var after = await onA.GetAsync("/mailbox", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_make_up_working_day_added_on_one_node_counts_on_the_other_within_the_calendar_refresh()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        using var admin = await cluster.A.CreateClientForAsync("admin");
        var saturday = new DateOnly(2027, 1, 9);
        var onB = cluster.B.Services.GetRequiredService<IWorkingDayCalendar>();
        Assert.False(onB.IsWorkingDay(saturday));

        using var saved = await admin.PutAsJsonAsync("/api/calendar/2027", new
        {
            days = new[] { new { date = "2027-01-09", kind = "MakeUpWorkingDay", name = "Làm bù" } },
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(cluster.A.Services.GetRequiredService<IWorkingDayCalendar>().IsWorkingDay(saturday));
        var deadline = TimeProvider.System.GetUtcNow() + CalendarRefresher.Interval + TimeSpan.FromSeconds(30);
        while (!onB.IsWorkingDay(saturday) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(250, Ct);
        }

        Assert.True(onB.IsWorkingDay(saturday), "node B still counts 09/01/2027 as a day off");
    }

    [Fact]
    public async Task Both_nodes_sweeping_and_dispatching_at_once_send_every_reminder_and_escalation_once()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        var wardTasks = await IssueToTheWardsAsync(cluster, 1);
        await AdvancePastTheDeadlineAsync(cluster.B);
        var before = await cluster.QueryAsync(db => db.Outbox.CountAsync(Ct));
        var lastBefore = await LastOutboxIdAsync(cluster);

        var effects = await cluster.SweepOnEveryNodeAsync();
        var digests = await cluster.DailyDigestOnEveryNodeAsync();

        // What the two nodes say they wrote is what the database holds: no effect counted, or written, twice.
        Assert.Equal(before + effects + digests, await cluster.QueryAsync(db => db.Outbox.CountAsync(Ct)));
        var dispatched = await cluster.DispatchOnEveryNodeAsync();
        var rows = await cluster.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync(Ct));
        var swept = rows.Where(r => r.Id > lastBefore && r.TaskId is { } id && wardTasks.ContainsKey(id)).ToList();
        Assert.True(swept.Count >= wardTasks.Count, $"{swept.Count} reminders and escalations for {wardTasks.Count} ward tasks");
        AssertEveryTaskGotTheSameSteps(swept, wardTasks);
        // Every row went out once, by one node: as many emails as rows sent, none twice.
        Assert.DoesNotContain(rows, r => r.Status is OutboxStatus.Pending or OutboxStatus.Held or OutboxStatus.DeadLetter);
        Assert.All(rows.Where(r => r.Status == OutboxStatus.Sent), r => Assert.Equal(1, r.Attempts));
        var mail = cluster.Mail.Mailbox.All();
        Assert.Equal(rows.Count(r => r.Status == OutboxStatus.Sent), mail.Count);
        Assert.Equal(mail.Count, dispatched.Sent);
        Assert.Equal(mail.Count, mail.Select(m => (m.Subject, string.Join(';', m.To), m.Text)).Distinct().Count());
    }

    [Fact]
    public async Task A_node_killed_mid_sweep_leaves_the_rest_to_the_other_which_finishes_it_and_sends_each_email_once()
    {
        // Three directives to the wards with three deadlines: three groups of alike tasks, each written in its own
        // transaction. A dies as it turns to the second.
        var pause = new PauseAtSweepStep(2);
        await using var cluster = await TwoNodeCluster.StartAsync(
            configureA: s => s.ConfigureDbContext<DirectiveFlowDbContext>(b => b.AddInterceptors(pause)));
        var wardTasks = await IssueToTheWardsAsync(cluster, 1, 2, 3);
        await AdvancePastTheDeadlineAsync(cluster.A);
        var now = await DomainTime.NowAsync(cluster.B.Services, Ct);
        var lastBefore = await LastOutboxIdAsync(cluster);

        using var dying = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        pause.Arm();
        var sweepOnA = TwoNodeCluster.RunDueWorkAsync(cluster.A, dying.Token);
        await Task.WhenAny(pause.Paused.Task, sweepOnA, Task.Delay(TimeSpan.FromMinutes(2), Ct));
        Assert.True(pause.Paused.Task.IsCompleted, $"A's sweep never reached its second step: {sweepOnA.Status} {sweepOnA.Exception?.Message}");
        var doneByA = await cluster.QueryAsync(db => db.Tasks.Where(t => wardTasks.Keys.Contains(t.Id) && !(t.NextActionAt <= now))
            .Select(t => t.DirectiveId).ToListAsync(Ct));
        await dying.CancelAsync();
        await cluster.KillAsync(cluster.A);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sweepOnA);
        Assert.Equal([cluster.B], cluster.Alive);
        // A wrote one directive's wards, all of them, and nothing else; the other two are still due.
        var firstDirective = Assert.Single(doneByA.Distinct());
        Assert.Equal(wardTasks.Count(t => t.Value == firstDirective), doneByA.Count);

        var effectsOnB = await cluster.SweepOnEveryNodeAsync();
        var dispatched = await cluster.DispatchOnEveryNodeAsync();

        Assert.Equal(0, await cluster.QueryAsync(db => db.Tasks.CountAsync(t => t.NextActionAt <= now, Ct)));
        var rows = await cluster.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync(Ct));
        var swept = rows.Where(r => r.Id > lastBefore && r.TaskId is { } id && wardTasks.ContainsKey(id)).ToList();
        var byA = swept.Count(r => wardTasks[r.TaskId!.Value] == firstDirective);
        Assert.Equal(swept.Count - byA, effectsOnB);
        Assert.True(byA > 0, "A wrote nothing before it died");
        AssertEveryTaskGotTheSameSteps(swept, wardTasks);
        Assert.DoesNotContain(rows, r => r.Status is OutboxStatus.Pending or OutboxStatus.Held or OutboxStatus.DeadLetter);
        var mail = cluster.Mail.Mailbox.All();
        Assert.Equal(rows.Count(r => r.Status == OutboxStatus.Sent), mail.Count);
        Assert.Equal(mail.Count, dispatched.Sent);
        Assert.Equal(mail.Count, mail.Select(m => (m.Subject, string.Join(';', m.To), m.Text)).Distinct().Count());
    }

    /// <summary>
    /// The ward tasks of a directive are alike (one cascade, one deadline), so whichever node swept a task, it got the
    /// same steps as every other of its directive: the same dedupe keys, each once.
    /// </summary>
    private static void AssertEveryTaskGotTheSameSteps(List<OutboxMessage> swept, Dictionary<Guid, Guid> wardTasks)
    {
        var steps = swept.GroupBy(r => r.TaskId!.Value).ToDictionary(g => g.Key, g => string.Join(',', g.Select(r => r.DedupeKey).Order(StringComparer.Ordinal)));
        Assert.Equal(wardTasks.Keys.Order(), steps.Keys.Order());
        foreach (var directive in wardTasks.GroupBy(t => t.Value, t => t.Key))
        {
            var distinct = directive.Select(t => steps[t]).Distinct().ToList();
            Assert.True(distinct.Count == 1, "the ward tasks of one directive got different steps: " + string.Join(" | ", distinct));
        }

        Assert.Equal(swept.Count, swept.Select(r => (r.TaskId, r.DedupeKey)).Distinct().Count());
    }

    /// <summary>
    /// Hà Nội's 126 communes imported on A, every unit's head given an address, and one city committee directive per
    /// deadline (working days) issued on A to every ward. Answers the ward tasks and their directives.
    /// </summary>
    private static async Task<Dictionary<Guid, Guid>> IssueToTheWardsAsync(TwoNodeCluster cluster, params int[] deadlines)
    {
        await using (var scope = cluster.A.Services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>()
                .ImportAsync(await File.ReadAllBytesAsync(ReferenceData.HanoiCommunesCsv, Ct), Ct);
            Assert.True(import.Succeeded);
        }

        await cluster.QueryAsync(db => db.Units.ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadEmail, u => u.Code.ToLower() + ".head@hanoi.test"), Ct));
        using var issuer = await cluster.A.CreateClientForAsync("01-COMMITTEE");
        var wards = new Dictionary<Guid, Guid>();
        foreach (var days in deadlines)
        {
            var directiveId = await DirectivesApiTests.IssueAsync(issuer, "01-COMMITTEE", "committee-directive", $"Công điện số {20 + days}/CĐ-UBND",
                "Khắc phục hậu quả mưa lũ", new { deadlineDays = days });
            var tasks = await cluster.QueryAsync(db => db.Tasks
                .Where(t => t.DirectiveId == directiveId && db.Units.Any(u => u.Id == t.UnitId && u.Level == UnitLevel.Commune))
                .Select(t => t.Id).ToListAsync(Ct));
            Assert.True(tasks.Count >= 126, $"{tasks.Count} ward tasks");
            tasks.ForEach(t => wards.Add(t, directiveId));
        }

        // The cascades' notices made rows, as a node's dispatcher first does: from here every row is the sweep's.
        var now = await DomainTime.NowAsync(cluster.A.Services, Ct);
        await cluster.QueryAsync(db => NoticeExpansion.ExpandAsync(db, now, Ct));
        Assert.False(await cluster.QueryAsync(db => db.OutboxModels.AnyAsync(m => m.NoticeCount > 0, Ct)));
        return wards;
    }

    /// <summary>Moves the shared demo clock from <paramref name="node"/> to 09:00 of a weekday at least 10 days on (past the digest hour).</summary>
    private static async Task AdvancePastTheDeadlineAsync(DirectiveFlowWebFactory node)
    {
        var clock = node.Services.GetRequiredService<DemoTimeProvider>();
        var day = VietnamTime.DateOf(clock.GetUtcNow()).AddDays(10);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        await clock.AdvanceAsync(VietnamTime.At(day, new TimeOnly(9, 0)) - clock.GetUtcNow(), Ct);
    }

    private static async Task<long> LastOutboxIdAsync(TwoNodeCluster cluster) =>
        await cluster.QueryAsync(db => db.Outbox.MaxAsync(r => (long?)r.Id, Ct)) ?? 0;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string token, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(path, form, Ct);
    }

    private static async Task<BearerClients> BearerClientsAsync(DirectiveFlowWebFactory a, DirectiveFlowWebFactory b, string userName)
    {
        var token = await a.GetTokenAsync(userName);
        var onA = a.CreateClient();
        var onB = b.CreateClient();
        onA.DefaultRequestHeaders.Authorization = onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new BearerClients(onA, onB);
    }

    /// <summary>One user's bearer token (issued by A) on both nodes.</summary>
    private sealed record BearerClients(HttpClient OnA, HttpClient OnB) : IDisposable
    {
        public void Dispose()
        {
            OnA.Dispose();
            OnB.Dispose();
        }
    }
}
