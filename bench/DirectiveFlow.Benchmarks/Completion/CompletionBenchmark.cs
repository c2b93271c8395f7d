using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Benchmarks.Product;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DirectiveFlow.Benchmarks.Completion;

/// <summary>
/// Task completion over HTTP: the product (Release, its own process, demo organisation and logins, background jobs off)
/// gets directives issued through its API, which cascade to the ward committees. Then, with C concurrent clients, two
/// measured phases over N of the tasks: each ward officer completes its task (<c>POST /api/tasks/{id}/complete</c>; the
/// committee flow asks for a review, so the task becomes Reported), then the issuer accepts it (<c>POST
/// /api/tasks/{id}/review</c>: Completed, and the engine moves the directive's flow on; its last ward's acceptance
/// completes the cascade). The baseline then completes the other N tasks by hand on the same database, the product
/// stopped: per task one transaction of a guarded task UPDATE, a journal INSERT and an outbox INSERT, with the same
/// concurrency. Reports per second for each and the ratio; on PostgreSQL also how many transactions wrote each phase's
/// rows (distinct <c>xmin</c> of the tasks, journal and outbox rows written; a savepoint that writes counts too).
/// </summary>
public static class CompletionBenchmark
{
    private const string DemoPassword = "bench-only-demo-password-2026";

    private static readonly string[] Wards = ["00004-COMMITTEE", "00070-COMMITTEE", "00613-COMMITTEE", "00619-COMMITTEE"];

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2_000;
        var clients = args.Length > 1 && int.TryParse(args[1], out var c) ? c : 8;
        var app = await ProductProcess.BuildAsync();
        await BenchDatabases.ForEachAsync("completion", (provider, connectionString) => RunOnAsync(provider, connectionString, count, clients, app));
    }

    private static async Task RunOnAsync(DatabaseProvider provider, string connectionString, int count, int clients, string app)
    {
        // Production refuses demo logins (they share a published password): the environment is "Staging", which takes
        // demo mode only with a password of its own. The background jobs are off, so what is counted is the
        // completions' own work (the emails they queue stay queued).
        var product = await ProductProcess.StartAsync(app, provider, connectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Demo__Enabled"] = "true",
            ["Demo__Password"] = DemoPassword,
            ["Scheduling__Enabled"] = "false",
            ["Smtp__Host"] = "smtp.invalid",
        });
        var options = DbContextOptionsFactory.Create(provider, connectionString);
        List<WardTask> forProduct, forBaseline;
        Phase report, accept;
        try
        {
            (forProduct, forBaseline, report, accept) = await RunProductAsync(product, provider, options, count, clients);
        }
        finally
        {
            await product.DisposeAsync();
        }

        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(forBaseline, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (task, ct) =>
        {
            if (!await CompleteByHandAsync(options, task, ct))
            {
                Interlocked.Increment(ref failures);
            }
        });
        var rawTime = watch.Elapsed;
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of the baseline's completions found their task changed.");
        }

        var rawRate = forBaseline.Count / rawTime.TotalSeconds;
        Console.WriteLine($"  by hand (UPDATE + journal + outbox, one transaction each), {clients} connections: {forBaseline.Count:N0} in {rawTime.TotalSeconds:F1} s = {rawRate:N0} per second");
        foreach (var phase in new[] { report, accept })
        {
            var rate = forProduct.Count / phase.Time.TotalSeconds;
            Console.WriteLine($"  {phase.Name}, {clients} clients: {forProduct.Count:N0} in {phase.Time.TotalSeconds:F1} s = {rate:N0} per second; " +
                $"ratio to by hand {(rate / rawRate).ToString("F2", CultureInfo.InvariantCulture)}" +
                (phase.Writers is { } w ? $"; transactions that wrote its rows: {(w / (double)forProduct.Count).ToString("F2", CultureInfo.InvariantCulture)} per task" : ""));
        }
    }

    /// <summary>One measured phase: how long, and (PostgreSQL) how many transactions wrote the rows it wrote.</summary>
    private sealed record Phase(string Name, TimeSpan Time, long? Writers);

    /// <summary>
    /// Issues the directives, then has <paramref name="count"/> ward tasks completed and accepted over HTTP; answers
    /// them, the other half for the baseline, and the two phases.
    /// </summary>
    private static async Task<(List<WardTask> Product, List<WardTask> Baseline, Phase Report, Phase Accept)> RunProductAsync(
        ProductProcess product, DatabaseProvider provider, DbContextOptions<DirectiveFlowDbContext> options, int count, int clients)
    {
        using var http = new HttpClient { BaseAddress = product.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var tokens = new Dictionary<string, string>();
        foreach (var user in Wards.Append("01-COMMITTEE"))
        {
            tokens[user] = await TokenAsync(http, user);
        }

        // Half the tasks for the product, half for the baseline: as many directives as that takes, four wards each.
        var directives = (count * 2 + Wards.Length - 1) / Wards.Length;
        var issuer = await UnitIdAsync(http, tokens["01-COMMITTEE"], "01-COMMITTEE");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < directives; i++)
        {
            using var request = Authorized(HttpMethod.Post, "/api/directives", tokens["01-COMMITTEE"], new
            {
                number = $"Chỉ thị số {i + 1}/CT-BENCH", title = $"Chỉ đạo thử số {i + 1}", issuingUnitId = issuer,
                workflowDefinitionId = "committee-directive", inputs = new { deadlineDays = 10 },
            });
            using var response = await http.SendAsync(request);
            await EnsureAsync(response, HttpStatusCode.Created, "issuing a directive");
        }

        var tasks = await WardTasksAsync(options, directives * Wards.Length);
        Console.WriteLine($"{provider}: {directives:N0} directives issued over HTTP, {tasks.Count:N0} ward tasks cascaded in {watch.Elapsed.TotalSeconds:F1} s");
        // Acknowledged by hand (not measured): completion is what is.
        await using (var db = new DirectiveFlowDbContext(options))
        {
            await db.Tasks.Where(t => t.Status == UnitTaskStatus.Assigned).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, UnitTaskStatus.Acknowledged)
                .SetProperty(t => t.AcknowledgedAt, DateTimeOffset.UtcNow)
                .SetProperty(t => t.ConcurrencyStamp, t => t.ConcurrencyStamp + 1));
        }

        // Whole directives to each side, so the product's flows all finish.
        var byDirective = tasks.GroupBy(t => t.DirectiveId).ToList();
        var forProduct = byDirective.Where((_, i) => i % 2 == 0).SelectMany(g => g).Take(count).ToList();
        var forBaseline = byDirective.Where((_, i) => i % 2 == 1).SelectMany(g => g).Take(count).ToList();
        if (tasks.Count != directives * Wards.Length || forProduct.Count != count || forBaseline.Count != count)
        {
            // The scenario claims N completions on each side: fewer must fail, not look faster.
            throw new InvalidOperationException($"{tasks.Count:N0} ward tasks were cascaded ({directives * Wards.Length:N0} expected): {forProduct.Count:N0} for the product " +
                $"and {forBaseline.Count:N0} for the baseline, not {count:N0} each.");
        }


        var report = await PhaseAsync("POST /api/tasks/{id}/complete (ward officer; the task becomes Reported)", http, options, forProduct, clients,
            task => Authorized(HttpMethod.Post, $"/api/tasks/{task.Id}/complete", tokens[task.UnitCode], new { result = "Đã hoàn thành, có báo cáo kèm theo" }));
        var accept = await PhaseAsync("POST /api/tasks/{id}/review accept (issuer; Completed, the flow moves on)", http, options, forProduct, clients,
            task => Authorized(HttpMethod.Post, $"/api/tasks/{task.Id}/review", tokens["01-COMMITTEE"], new { decision = "accept", comment = "Đạt" }));
        await using (var db = new DirectiveFlowDbContext(options))
        {
            var ids = forProduct.Select(t => t.Id).ToList();
            var completed = await db.Tasks.CountAsync(t => ids.Contains(t.Id) && t.Status == UnitTaskStatus.Completed);
            var directiveIds = forProduct.Select(t => t.DirectiveId).Distinct().ToList();
            // The committee flow's cascade, done, hands over to a summary task for the lead unit.
            var movedOn = await db.Tasks.CountAsync(t => directiveIds.Contains(t.DirectiveId) && t.ActivityId == "summary");
            Console.WriteLine($"  the product's {forProduct.Count:N0} tasks: {completed:N0} completed; {movedOn:N0} of their {directiveIds.Count:N0} directives moved on to the summary task");
            if (completed != forProduct.Count || movedOn != directiveIds.Count)
            {
                throw new InvalidOperationException($"{completed} of {forProduct.Count} tasks completed, {movedOn} of {directiveIds.Count} flows moved on.");
            }
        }

        return (forProduct, forBaseline, report, accept);
    }

    /// <summary>Sends one request per task with C clients; every answer must be 200.</summary>
    private static async Task<Phase> PhaseAsync(
        string name, HttpClient http, DbContextOptions<DirectiveFlowDbContext> options, List<WardTask> tasks, int clients, Func<WardTask, HttpRequestMessage> request)
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (task, ct) =>
        {
            using var message = request(task);
            using var response = await http.SendAsync(message, ct);
            if (response.StatusCode != HttpStatusCode.OK && Interlocked.Increment(ref failures) <= 5)
            {
                Console.WriteLine($"  {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        var time = watch.Elapsed;
        if (failures > 0)
        {
            throw new InvalidOperationException($"{name}: {failures} requests failed.");
        }

        return new Phase(name, time, await WritersAsync(options, tasks, start));
    }

    private sealed record WardTask(Guid Id, Guid DirectiveId, string UnitCode);

    /// <summary>The ward tasks, once the background cascades have written them all.</summary>
    private static async Task<List<WardTask>> WardTasksAsync(DbContextOptions<DirectiveFlowDbContext> options, int expected)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var db = new DirectiveFlowDbContext(options);
            var tasks = await db.Tasks.Join(db.Units, t => t.UnitId, u => u.Id, (t, u) => new { t.Id, t.DirectiveId, u.Code, t.Status })
                .Where(x => Wards.Contains(x.Code) && x.Status == UnitTaskStatus.Assigned)
                .Select(x => new WardTask(x.Id, x.DirectiveId, x.Code))
                .ToListAsync();
            if (tasks.Count >= expected)
            {
                return tasks;
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{tasks.Count} of {expected} ward tasks after 5 minutes.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>One completion as hand-written SQL in one transaction: the task (guarded by its stamp), a journal line, an email.</summary>
    private static async Task<bool> CompleteByHandAsync(DbContextOptions<DirectiveFlowDbContext> options, WardTask task, CancellationToken ct)
    {
        await using var db = new DirectiveFlowDbContext(options);
        var values = new ProviderValues(db.Database.ProviderName);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var updated = await ExecuteAsync(connection, transaction, """
            UPDATE "Tasks" SET "Status" = 'Completed', "ResultSummary" = @result, "ReportedAt" = @now, "CompletedAt" = @now,
                "ProgressPercent" = 100, "NextActionAt" = NULL, "ConcurrencyStamp" = "ConcurrencyStamp" + 1
            WHERE "Id" = @id AND "Status" = 'Acknowledged'
            """, ("@id", values.Id(task.Id)), ("@now", values.Time(now)), ("@result", "Đã hoàn thành, có báo cáo kèm theo"));
        if (updated != 1)
        {
            return false;
        }

        await ExecuteAsync(connection, transaction, """
            INSERT INTO "Journal" ("DirectiveId", "InstanceId", "TaskId", "ActivityId", "At", "Actor", "Action", "Detail")
            SELECT "DirectiveId", "InstanceId", "Id", "ActivityId", @now, @actor, 'task.completed', @result FROM "Tasks" WHERE "Id" = @id
            """, ("@id", values.Id(task.Id)), ("@now", values.Time(now)), ("@actor", task.UnitCode), ("@result", "Đã hoàn thành, có báo cáo kèm theo"));
        await ExecuteAsync(connection, transaction, """
            INSERT INTO "Outbox" ("DedupeKey", "To", "Subject", "HtmlBody", "TextBody", "Template", "ModelJson", "TaskId", "DirectiveId",
                "Status", "Attempts", "CreatedAt", "NextAttemptAt")
            SELECT 'completed:' || @stamp, 'vanphong@hanoi.gov.vn', '', '', '', 'task-event', @model, "Id", "DirectiveId", 'Pending', 0, @now, @now
            FROM "Tasks" WHERE "Id" = @id
            """, ("@id", values.Id(task.Id)), ("@now", values.Time(now)), ("@stamp", now.Ticks.ToString(CultureInfo.InvariantCulture)),
            ("@model", JsonSerializer.Serialize(new { task = task.Id, result = "Đã hoàn thành, có báo cáo kèm theo" })));
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task<int> ExecuteAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// On PostgreSQL, how many transactions (and subtransactions: a savepoint that writes has its own id) wrote the
    /// rows a phase left on its tasks: the tasks themselves, and their journal and outbox rows since it began. Null
    /// on SQLite, which keeps no such record.
    /// </summary>
    private static async Task<long?> WritersAsync(DbContextOptions<DirectiveFlowDbContext> options, List<WardTask> tasks, DateTimeOffset since)
    {
        await using var db = new DirectiveFlowDbContext(options);
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(DISTINCT x) FROM (
                SELECT xmin::text AS x FROM "Tasks" WHERE "Id" = ANY(@ids)
                UNION ALL SELECT xmin::text FROM "Journal" WHERE "TaskId" = ANY(@ids) AND "At" >= @since
                UNION ALL SELECT xmin::text FROM "Outbox" WHERE "TaskId" = ANY(@ids) AND "CreatedAt" >= @since) w
            """, connection);
        command.Parameters.AddWithValue("ids", tasks.Select(t => t.Id).ToArray());
        command.Parameters.AddWithValue("since", since);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = userName, password = DemoPassword });
        await EnsureAsync(response, HttpStatusCode.OK, $"signing in as {userName}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<Guid> UnitIdAsync(HttpClient http, string token, string code)
    {
        using var request = Authorized(HttpMethod.Get, $"/api/units?q={code}&pageSize=50", token);
        using var response = await http.SendAsync(request);
        await EnsureAsync(response, HttpStatusCode.OK, "reading the units");
        var units = await response.Content.ReadFromJsonAsync<JsonElement>();
        return units.GetProperty("items").EnumerateArray().First(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
