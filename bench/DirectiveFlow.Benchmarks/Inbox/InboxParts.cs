using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Benchmarks.Inbox;

// TEMPORARY diagnostic: where an officer's inbox page spends its time, piece by piece.
public static class InboxParts
{
    private static readonly HashSet<string> Seen = [];
    private static double _dbMs;
    private static int _commands;

    private sealed class Listener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener value) { if (value.Name == "Microsoft.EntityFrameworkCore") { value.Subscribe(this); } }
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData x)
            {
                _dbMs += x.Duration.TotalMilliseconds; _commands++;
                lock (Seen) { if (Seen.Add(x.Command.CommandText)) { Console.WriteLine("SQL: " + x.Command.CommandText + " | params " + string.Join(",", x.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => p.ParameterName + "=" + p.Value))); } }
            }
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    public static async Task RunAsync(string[] args)
    {
        using var sub = DiagnosticListener.AllListeners.Subscribe(new Listener());
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 700_000;
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        await BenchDatabases.ForEachAsync("parts", async (provider, cs) =>
        {
            await using var root = BenchDatabases.Services(provider, cs);
            var now = TimeProvider.System.GetUtcNow();
            List<Guid> communes;
            await using (var db = root.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext())
            {
                await InboxSeed.PrepareAsync(root, db, count, now);
                var random = new Random(20261130);
                communes = (await db.Units.Where(u => u.Level == UnitLevel.Commune).Select(u => u.Id).ToListAsync()).OrderBy(_ => random.Next()).Take(callers).ToList();
            }

            for (var pass = 0; pass < 3; pass++)
            {
                var t = new Dictionary<string, List<double>>();
                void Add(string k, Stopwatch w) { if (!t.TryGetValue(k, out var l)) { t[k] = l = []; } l.Add(w.Elapsed.TotalMilliseconds); }
                foreach (var unit in communes)
                {
                    var w = Stopwatch.StartNew();
                    await using var scope = root.CreateAsyncScope();
                    var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
                    accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "o"), new Claim(DirectiveFlowClaims.UnitId, unit.ToString()), new Claim(ClaimTypes.Role, Roles.UnitOfficer)], "bench")) };
                    var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                    var clock = scope.ServiceProvider.GetRequiredService<TaskClock>();
                    Add("0 scope+mediator+clock", w);
                    w.Restart();
                    var dbs = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
                    Add("0 scoped DbContext resolve", w);
                    w.Restart();
                    var first = await mediator.Send(new ListTasksQuery(FirstPage));
                    Add("1 list, first in scope", w);
                    _dbMs = 0; _commands = 0;
                    w.Restart();
                    var list = await mediator.Send(new ListTasksQuery(FirstPage));
                    Add("2 list, second in scope", w);
                    t.TryAdd("2b list db ms", []); t["2b list db ms"].Add(_dbMs); t.TryAdd("2c list commands", []); t["2c list commands"].Add(_commands);
                    _dbMs = 0; _commands = 0;
                    w.Restart();
                    _ = await mediator.Send(new CountTasksQuery(FirstPage));
                    Add("3 counts", w);
                    w.Restart();
                    _ = await mediator.Send(new InboxPageQuery(FirstPage));
                    Add("3c inbox page query", w);
                    t.TryAdd("3b counts db ms", []); t["3b counts db ms"].Add(_dbMs);
                    w.Restart();
                    await dbs.Database.OpenConnectionAsync();
                    await dbs.Database.CloseConnectionAsync();
                    Add("4 open+close", w);
                    await dbs.Database.OpenConnectionAsync();
                    var hand = new HandInbox(dbs.Database.GetDbConnection(), new ProviderValues(dbs.Database.ProviderName));
                    w.Restart();
                    _ = await hand.PageAsync([unit], 50);
                    Add("5 hand page", w);
                    w.Restart();
                    _ = await hand.TotalAsync([unit]);
                    Add("6 hand total", w);
                    w.Restart();
                    _ = await hand.CountsAsync([unit], now, clock.DueSoonLimit);
                    Add("7 hand counts", w);
                    await dbs.Database.CloseConnectionAsync();
                    var rows = list.Items.Select(i => new TaskListRow(i.Id, i.DirectiveId, i.DirectiveNumber, i.DirectiveTitle, i.Title, i.UnitId, i.UnitCode, i.UnitName, i.AssignerUnitId,
                        Enum.Parse<DirectiveFlow.Core.Tasks.UnitTaskStatus>(i.Status), i.DueAt, i.OriginalDueAt, i.CompletedAt, i.ReportedAt, i.ProgressPercent, null, null, null)).ToList();
                    w.Restart();
                    _ = TaskListProjection.Items(rows, clock);
                    Add("8 Items() on the page's rows", w);
                    w.Restart();
                    foreach (var r in rows) { _ = clock.WorkingDaysLeft(r.DueAt); }
                    Add("9 WorkingDaysLeft x rows", w);
                    if (first.Total != list.Total) throw new InvalidOperationException();
                }

                Console.WriteLine($"{provider} pass {pass}:");
                foreach (var (k, v) in t.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    var s = v.Order().ToList();
                    Console.WriteLine($"  {k,-32} p50 {s[s.Count / 2]:F3} ms  mean {s.Average():F3} ms  p95 {s[(int)(s.Count * 0.95)]:F3}");
                }
            }
        });
    }

    private static readonly TaskListFilter FirstPage = new(TaskListScope.Mine, [], null, false, null, null, null, null, new PageRequest(1, PageRequest.DefaultPageSize));
}
