using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>
/// The app on a fresh database with the demo organisation and logins, a recording engine in place of the real one
/// (task rows are inserted by the test-only <see cref="TaskTestData"/>, so no flow stands behind them), and
/// attachments limited to 64 KB in a temp folder. Clients are cached per user.
/// </summary>
public sealed class TaskApiWorld : IAsyncDisposable
{
    public const int MaxAttachmentBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();
    private readonly string _attachments = Path.Combine(Path.GetTempPath(), "directiveflow-tests", "att-" + Guid.NewGuid().ToString("N"));
    private Directive? _directive;

    private TaskApiWorld()
    {
    }

    public DirectiveFlowWebFactory App { get; private set; } = null!;

    public RecordingWorkflowEngine Engine { get; } = new();

    public static async Task<TaskApiWorld> CreateAsync(string provider = nameof(DatabaseProvider.Sqlite))
    {
        var world = new TaskApiWorld();
        world.App = await DirectiveFlowWebFactory.CreateAsync(
            provider,
            new Dictionary<string, string?>
            {
                ["Attachments:MaxBytes"] = MaxAttachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Attachments:Folder"] = world._attachments,
            },
            services =>
            {
                services.RemoveAll<IWorkflowEngine>();
                services.AddSingleton<IWorkflowEngine>(world.Engine);
                services.TryAddSingleton<IWorkingDayCalendar>(new WorkingDayCalendar(VietnamHolidays.For(2026).Concat(VietnamHolidays.For(2027))));
            });
        return world;
    }

    public IWorkingDayCalendar Calendar => App.Services.GetRequiredService<IWorkingDayCalendar>();

    public Task<HttpClient> ClientAsync(string userName) =>
        _clients.GetOrAdd(userName, u => new Lazy<Task<HttpClient>>(() => App.CreateClientForAsync(u))).Value;

    public async Task<Guid> UnitIdAsync(string code)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Inserts a task led by <paramref name="leadCode"/> and assigned by <paramref name="assignerCode"/>, due in five working days.</summary>
    public async Task<UnitTask> AddTaskAsync(
        string leadCode = "00070-COMMITTEE", string assignerCode = "01-COMMITTEE", UnitTaskStatus status = UnitTaskStatus.Assigned,
        bool requiresReview = false, string[]? supportingCodes = null, DateTimeOffset? dueAt = null, string? title = null,
        Action<UnitTask>? configure = null)
    {
        var lead = await UnitIdAsync(leadCode);
        var assigner = await UnitIdAsync(assignerCode);
        var supporting = new List<Guid>();
        foreach (var code in supportingCodes ?? [])
        {
            supporting.Add(await UnitIdAsync(code));
        }

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
        var data = new TaskTestData(db);
        _directive ??= await data.AddDirectiveAsync(assigner);
        var now = TimeProvider.System.GetUtcNow();
        return await data.AddTaskAsync(_directive, lead, assigner, now, dueAt ?? Calendar.AddWorkingDays(now, 5), status, requiresReview,
            supporting, title ?? "Triển khai chuyển đổi số tại phường", configure);
    }

    public async Task<T> WithDbAsync<T>(Func<DirectiveFlowDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>());
    }

    public async Task<TaskDetailDto> GetTaskAsync(string userName, Guid id)
    {
        var client = await ClientAsync(userName);
        return (await client.GetFromJsonAsync<TaskDetailDto>($"/api/tasks/{id}", Json))!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            (await client.Value).Dispose();
        }

        await App.DisposeAsync();
        try
        {
            Directory.Delete(_attachments, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was uploaded.
        }
    }
}
