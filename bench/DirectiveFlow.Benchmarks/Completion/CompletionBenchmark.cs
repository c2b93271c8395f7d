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
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DirectiveFlow.Benchmarks.Completion;

/// <summary>
/// Task completion over HTTP: the product (Release, its own process, demo organisation and logins, background jobs off) gets directives
/// issued through its API, which cascade to the ward committees; then C concurrent clients complete N tasks with
/// <c>POST /api/tasks/{id}/complete</c>, each as its ward's officer (the engine moves each directive's flow on when its
/// last ward completes). The baseline then does the same number of completions by hand on the same database, the
/// product stopped: per task one transaction of a guarded task UPDATE, a journal INSERT and an outbox INSERT, with the
/// same concurrency. Reports completions per second for both and their ratio; on PostgreSQL also the transactions the
/// database counted per completion (the architecture: "about one commit per completion; hundreds per second on 2 cores").
/// </summary>
public static class CompletionBenchmark
{
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
        // Production refuses demo logins (they share a published password): the environment is "Staging". The
        // background jobs are off, so what is counted is the completions' own work (the emails they queue stay queued).
        var product = await ProductProcess.StartAsync(app, provider, connectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Demo__Enabled"] = "true",
            ["Scheduling__Enabled"] = "false",
            ["Smtp__Host"] = "smtp.invalid",
        });
        List<WardTask> forProduct, forBaseline;
        TimeSpan productTime;
        (long All, long Writes)? commits;
        var failures = 0;
        try
        {
            (forProduct, forBaseline, productTime, commits, failures) = await RunProductAsync(product, provider, connectionString, count, clients);
        }
        finally
        {
            await product.DisposeAsync();
        }

        var options = DbContextOptionsFactory.Create(provider, connectionString);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(forBaseline, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (task, ct) =>
        {
            if (!await CompleteByHandAsync(provider, connectionString, task, ct))
            {
                Interlocked.Increment(ref failures);
            }
        });
        var rawTime = watch.Elapsed;

        await using (var db = new DirectiveFlowDbContext(options))
        {
            var productIds = forProduct.Select(t => t.Id).ToList();
            // A flow that asks for a review leaves the task Reported, for the assigner to accept.
            var completed = await db.Tasks.CountAsync(t => productIds.Contains(t.Id) && (t.Status == UnitTaskStatus.Completed || t.Status == UnitTaskStatus.Reported));
            Console.WriteLine($"  the product's tasks: {await db.Tasks.CountAsync(t => productIds.Contains(t.Id) && t.Status == UnitTaskStatus.Completed):N0} completed, " +
                $"{await db.Tasks.CountAsync(t => productIds.Contains(t.Id) && t.Status == UnitTaskStatus.Reported):N0} reported for review");
            if (completed != forProduct.Count || failures > 0)
            {
                throw new InvalidOperationException($"{completed} of {forProduct.Count} tasks completed, {failures} failures.");
            }
        }

        var productRate = forProduct.Count / productTime.TotalSeconds;
        var rawRate = forBaseline.Count / rawTime.TotalSeconds;
        Console.WriteLine($"  POST /api/tasks/{{id}}/complete, {clients} clients: {forProduct.Count:N0} completions in {productTime.TotalSeconds:F1} s = {productRate:N0} per second");
        Console.WriteLine($"  by hand (UPDATE + journal + outbox, one transaction each), {clients} connections: {forBaseline.Count:N0} in {rawTime.TotalSeconds:F1} s = {rawRate:N0} per second");
        Console.WriteLine($"  ratio product/hand = {(productRate / rawRate).ToString("F2", CultureInfo.InvariantCulture)}" +
            (commits is { } c
                ? $"; per completion PostgreSQL counted {(c.Writes / (double)forProduct.Count).ToString("F2", CultureInfo.InvariantCulture)} writing transactions " +
                  $"and {(c.All / (double)forProduct.Count).ToString("F1", CultureInfo.InvariantCulture)} in all (a read outside a transaction is one)"
                : ""));
    }

    /// <summary>Issues the directives, then completes <paramref name="count"/> ward tasks over HTTP; answers the other half for the baseline.</summary>
    private static async Task<(List<WardTask> Product, List<WardTask> Baseline, TimeSpan Time, (long All, long Writes)? Commits, int Failures)> RunProductAsync(
        ProductProcess product, DatabaseProvider provider, string connectionString, int count, int clients)
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

        var options = DbContextOptionsFactory.Create(provider, connectionString);
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

        if (provider == DatabaseProvider.PostgreSql)
        {
            // Idle backends report their counts within 10 s: what the set-up did is then in the "before".
            await Task.Delay(TimeSpan.FromSeconds(11));
        }

        var commitsBefore = await CommitsAsync(provider, connectionString);
        var failures = 0;
        watch.Restart();
        await Parallel.ForEachAsync(forProduct, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (task, ct) =>
        {
            using var request = Authorized(HttpMethod.Post, $"/api/tasks/{task.Id}/complete", tokens[task.UnitCode], new { result = "Đã hoàn thành, có báo cáo kèm theo" });
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref failures);
                Console.WriteLine($"  {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        var time = watch.Elapsed;
        if (provider == DatabaseProvider.PostgreSql)
        {
            await Task.Delay(TimeSpan.FromSeconds(11));
        }

        var after = await CommitsAsync(provider, connectionString);
        var commits = after is { } a && commitsBefore is { } b ? (a.All - b.All, a.Writes - b.Writes) : ((long, long)?)null;
        return (forProduct, forBaseline, time, commits, failures);
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
    private static async Task<bool> CompleteByHandAsync(DatabaseProvider provider, string connectionString, WardTask task, CancellationToken ct)
    {
        await using var db = new DirectiveFlowDbContext(DbContextOptionsFactory.Create(provider, connectionString));
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
    /// PostgreSQL's counts so far (null on SQLite, which keeps none): the transactions committed in this database
    /// (reads included: every statement outside a transaction is one), and the transaction ids handed out in the cluster,
    /// which only a transaction that writes takes (reading the next one takes none).
    /// </summary>
    private static async Task<(long All, long Writes)?> CommitsAsync(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.PostgreSql)
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT xact_commit, pg_snapshot_xmax(pg_current_snapshot())::text::bigint FROM pg_stat_database WHERE datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
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
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = userName, password = Infrastructure.Demo.DemoOptions.DefaultPassword });
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
