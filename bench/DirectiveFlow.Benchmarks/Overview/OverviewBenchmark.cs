using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using DirectiveFlow.Benchmarks.Inbox;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.Overview;
using DirectiveFlow.Infrastructure.Reports.Ranking;
using DirectiveFlow.Infrastructure.Reports.Tallies;
using DirectiveFlow.Infrastructure.Reports.Weekly;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Benchmarks.Overview;

/// <summary>
/// The leadership overview on the inbox benchmark's backlog (1,000,000 tasks over the national list, each directive
/// re-issued per province so a province's issuers read their share): the overview and the ranking's first page for
/// Hà Nội's committee (an issuer) and for the national administrator, each request as the product runs it (a fresh
/// scope, the caller's scope resolved, the query sent) against hand-written SQL on the same indexes, alternating;
/// every round's totals, trend and ranked overdue counts must agree (the product reads the overview from the tallies,
/// the hand-written SQL counts the tasks: the tallies are proven equal to the raw count every round). The seed's
/// deadlines are shared per directive as a cascade's are (<see cref="CascadeDeadlines"/>). Then the weekly report's
/// .xlsx for the province.
/// Goals: p95 ≤ 1.5× hand-written SQL, the national overview p95 ≤ 1 s, the province's weekly .xlsx ≤ 3 s.
/// </summary>
public static class OverviewBenchmark
{
    private const double RatioGoal = 1.5;
    private const double NationalOverviewGoalMs = 1000;
    private const double WeeklyGoalMs = 3000;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1_000_000;
        var rounds = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 12;
        var covering = args.Contains("covering");
        await BenchDatabases.ForEachAsync("overview", (provider, connectionString) => RunOnAsync(provider, connectionString, count, rounds, covering));
    }

    /// <summary>
    /// The experiment behind bench/README's proposal (not a migration): one index holding every column the reports read,
    /// so both passes over the tasks can read the index alone.
    /// </summary>
    private const string CoveringIndex = """
        CREATE INDEX "IX_Bench_TasksReport" ON "Tasks" ("ParentTaskId", "UnitId", "Status", "DueAt", "CompletedAt", "CreatedAt", "DirectiveId")
        """;

    private static async Task RunOnAsync(DatabaseProvider provider, string connectionString, int count, int rounds, bool covering)
    {
        await using var root = BenchDatabases.Services(provider, connectionString);
        var now = TimeProvider.System.GetUtcNow();
        Guid hanoi, hanoiProvince;
        await using (var db = root.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext())
        {
            var watch = Stopwatch.StartNew();
            // The seed rewrites every task twice; the triggers are set aside meanwhile and the tallies rebuilt once after.
            var written = await InboxSeed.PrepareAsync(root, db, count, now, () => ExecuteAllAsync(db, TaskTallySql.DropTriggers(provider)));
            await ProvinceDirectives.SplitAsync(db);
            await CascadeDeadlines.ShareAsync(db, now);
            var rebuild = Stopwatch.StartNew();
            var tallies = await TaskTallyRebuilder.RebuildAsync(db, default);
            Console.WriteLine($"{provider}: tallies rebuilt from the tasks in {rebuild.Elapsed.TotalSeconds:F1} s (rebuild-tallies): {tallies:N0} rows");
            await ExecuteAllAsync(db, TaskTallySql.CreateTriggers(provider));
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE");
            if (covering)
            {
                db.Database.SetCommandTimeout(3600);
                await db.Database.ExecuteSqlRawAsync(CoveringIndex);
                await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE \"Tasks\"");
                Console.WriteLine($"{provider}: with the experimental covering index {CoveringIndex.Trim()}");
            }
            var tasks = await db.Tasks.CountAsync();
            if (written != count || tasks != count)
            {
                throw new InvalidOperationException($"The data set has {tasks:N0} tasks, not {count:N0}.");
            }

            hanoi = await db.Units.Where(u => u.Code == "01-COMMITTEE").Select(u => u.Id).SingleAsync();
            hanoiProvince = (await Provinces.PlaceOfAsync(db, hanoi, default))!.ProvinceId;
            Console.WriteLine($"{provider}: {tasks:N0} tasks over {await db.Units.CountAsync():N0} units and {await db.Directives.CountAsync():N0} directives " +
                $"(one copy per province) seeded in {watch.Elapsed.TotalSeconds:F0} s");
        }

        foreach (var (name, caller, province) in new[]
                 {
                     ("province issuer (Hà Nội's committee)", Caller(Roles.Issuer, hanoi), (Guid?)hanoiProvince),
                     ("national administrator", Caller(Roles.Administrator, null), null),
                 })
        {
            await MeasureAsync(root, provider, caller, province, 2, report: null);
            await MeasureAsync(root, provider, caller, province, rounds, report: name);
        }

        await WeeklyAsync(root, provider, Caller(Roles.Issuer, hanoi), hanoi);
    }

    private static async Task ExecuteAllAsync(DirectiveFlowDbContext db, IEnumerable<string> statements)
    {
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    private sealed record Sample(TimeSpan ProductOverview, TimeSpan HandOverview, TimeSpan ProductRanking, TimeSpan HandRanking);

    private static async Task MeasureAsync(ServiceProvider root, DatabaseProvider provider, ClaimsPrincipal caller, Guid? province, int rounds, string? report)
    {
        var samples = new List<Sample>();
        var total = 0;
        for (var round = 0; round < rounds; round++)
        {
            await using var scope = root.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = caller };
            var time = scope.ServiceProvider.GetRequiredService<TaskClock>().Time;
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var scopes = scope.ServiceProvider.GetRequiredService<ReportScopeResolver>();
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>();

            var watch = Stopwatch.StartNew();
            var overview = await sender.Send(new GetOverviewQuery((await scopes.GetAsync(default))!, ReportFilter.None));
            var productOverview = watch.Elapsed;

            watch.Restart();
            (TaskCategoryCounts Totals, int[] Trend) hand;
            await using (var db = await OpenAsync(factory))
            {
                hand = await Hand(db, province).OverviewAsync(time, Weeks(time.Now));
            }

            var handOverview = watch.Elapsed;

            watch.Restart();
            var ranking = await sender.Send(new ListUnitRankingQuery((await scopes.GetAsync(default))!, ReportFilter.None, PageRequest.From(1, PageRequest.DefaultPageSize)));
            var productRanking = watch.Elapsed;

            watch.Restart();
            (int Units, List<int> OpenOverdue) handRanking;
            await using (var db = await OpenAsync(factory))
            {
                handRanking = await Hand(db, province).RankingAsync(time, PageRequest.DefaultPageSize);
            }

            samples.Add(new Sample(productOverview, handOverview, productRanking, watch.Elapsed));
            Check(overview, hand, ranking, handRanking);
            total = overview.Totals.Total;
        }

        if (report is not null)
        {
            Console.WriteLine($"{provider}, {report}: {rounds} rounds, {total:N0} tasks in scope (the product's figures, from the tallies, and the hand-written SQL over the tasks agree on every total, the trend and the ranked overdue counts)");
            Line("  overview (totals, pillar × level, 12-week trend)", samples.Select(s => s.ProductOverview), samples.Select(s => s.HandOverview),
                province is null ? NationalOverviewGoalMs : null);
            Line("  ranking, first page of 50 communes          ", samples.Select(s => s.ProductRanking), samples.Select(s => s.HandRanking), null);
        }
    }

    private static void Check(OverviewDto overview, (TaskCategoryCounts Totals, int[] Trend) hand, PagedResult<UnitRankingItem> ranking, (int Units, List<int> OpenOverdue) handRanking)
    {
        var t = overview.Totals;
        var product = new TaskCategoryCounts(t.Total, t.CompletedOnTime, t.CompletedLate, t.OpenWithinDeadline, t.OpenOverdue, t.DueSoon, t.NotAcknowledged);
        var trend = overview.Trend.SelectMany(w => new[] { w.Opened, w.CompletedOnTime, w.CompletedLate, w.OverdueAtEnd }).ToArray();
        if (product != hand.Totals || !trend.SequenceEqual(hand.Trend))
        {
            throw new InvalidOperationException($"The overview (from the tallies) disagrees with the hand-written SQL over the tasks: {product} vs {hand.Totals}; trend {string.Join(",", trend)} vs {string.Join(",", hand.Trend)}.");
        }

        if (ranking.Total != handRanking.Units || !ranking.Items.Select(u => u.OpenOverdue).SequenceEqual(handRanking.OpenOverdue))
        {
            throw new InvalidOperationException($"The ranking disagrees with the hand-written SQL: {ranking.Total} vs {handRanking.Units} units; " +
                $"overdue {string.Join(",", ranking.Items.Select(u => u.OpenOverdue))} vs {string.Join(",", handRanking.OpenOverdue)}.");
        }
    }

    private static async Task WeeklyAsync(ServiceProvider root, DatabaseProvider provider, ClaimsPrincipal caller, Guid unit)
    {
        var xlsx = new List<double>();
        var pdf = new List<double>();
        var size = 0;
        for (var round = 0; round < 4; round++)
        {
            await using var scope = root.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = caller };
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var reportScope = (await scope.ServiceProvider.GetRequiredService<ReportScopeResolver>().GetAsync(default))!;
            var watch = Stopwatch.StartNew();
            var report = await sender.Send(new GetWeeklyReportQuery(reportScope, IsoWeek.Of(TimeProvider.System.GetUtcNow()), unit));
            var query = watch.Elapsed;
            size = WeeklyReportFile.Xlsx(report).Content.Length;
            var workbook = watch.Elapsed;
            watch.Restart();
            _ = WeeklyReportFile.Pdf(report);
            if (round > 0)
            {
                xlsx.Add(workbook.TotalMilliseconds);
                pdf.Add((query + watch.Elapsed).TotalMilliseconds);
            }
        }

        xlsx.Sort();
        pdf.Sort();
        var worst = xlsx[^1];
        Console.WriteLine($"{provider}, weekly report of Hà Nội as .xlsx ({size / 1024:N0} KB; query + workbook): median {F(xlsx[xlsx.Count / 2])} ms, " +
            $"worst {F(worst)} ms (goal ≤ {WeeklyGoalMs:N0} ms: {(worst <= WeeklyGoalMs ? "met" : "NOT met")}); as PDF: median {F(pdf[pdf.Count / 2])} ms");
    }

    private static HandOverview Hand(DirectiveFlowDbContext db, Guid? province) =>
        new(db.Database.GetDbConnection(), new ProviderValues(db.Database.ProviderName), province);

    /// <summary>The trend's weeks as <see cref="TrendReader"/> takes them: 12 Mondays in Hà Nội up to now, the last cut at now.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset Cut)> Weeks(DateTimeOffset end)
    {
        var last = TrendReader.MondayOf(VietnamTime.DateOf(end));
        return Enumerable.Range(0, TrendReader.Weeks).Select(i => last.AddDays(7 * (i - TrendReader.Weeks + 1)))
            .Select(m => (VietnamTime.At(m, TimeOnly.MinValue), Min(VietnamTime.At(m.AddDays(7), TimeOnly.MinValue), end))).ToList();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task<DirectiveFlowDbContext> OpenAsync(IDbContextFactory<DirectiveFlowDbContext> factory)
    {
        var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        return db;
    }

    private static void Line(string name, IEnumerable<TimeSpan> product, IEnumerable<TimeSpan> hand, double? absoluteGoalMs)
    {
        var p = product.Select(t => t.TotalMilliseconds).Order().ToList();
        var h = hand.Select(t => t.TotalMilliseconds).Order().ToList();
        var ratio = Percentile(p, 0.95) / Percentile(h, 0.95);
        var absolute = absoluteGoalMs is { } goal
            ? $"; p95 ≤ {goal:N0} ms: {(Percentile(p, 0.95) <= goal ? "met" : "NOT met")}"
            : "";
        Console.WriteLine($"{name}: product p50 {F(Percentile(p, 0.5))} ms, p95 {F(Percentile(p, 0.95))} ms; hand-written p50 {F(Percentile(h, 0.5))} ms, " +
            $"p95 {F(Percentile(h, 0.95))} ms; p95 ratio {ratio:F2} (goal ≤ {RatioGoal}: {(ratio <= RatioGoal ? "met" : "NOT met")}{absolute})");
    }

    private static string F(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture);

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static ClaimsPrincipal Caller(string role, Guid? unit) => new(new ClaimsIdentity(
        unit is { } id
            ? [new Claim(ClaimTypes.Name, "bench-" + role), new Claim(ClaimTypes.Role, role), new Claim(DirectiveFlowClaims.UnitId, id.ToString())]
            : [new Claim(ClaimTypes.Name, "bench-" + role), new Claim(ClaimTypes.Role, role)],
        authenticationType: "bench"));
}
