using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// The engine wired as the product wires it, on a fresh database, with a fake clock (Monday 2 March 2026, 09:00 in Hà Nội)
/// for the application and for leases alike.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly bool _ownsDatabase;

    private EngineHost(TestDatabase database, bool ownsDatabase, ServiceProvider services, FakeTimeProvider clock)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        Services = services;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<EngineHost> CreateAsync(
        string provider, Dictionary<string, string?>? settings = null, ICascadeBatchObserver? observer = null,
        Action<IServiceCollection>? configure = null) =>
        Build(await TestDatabase.CreateAsync(provider), ownsDatabase: true, settings, observer, configure);

    /// <summary>Another node (its own services and clock) on <paramref name="database"/>, which it leaves in place when disposed.</summary>
    public static EngineHost OnDatabase(TestDatabase database, Dictionary<string, string?>? settings = null, ICascadeBatchObserver? observer = null) =>
        Build(database, ownsDatabase: false, settings, observer, configure: null);

    private static EngineHost Build(
        TestDatabase database, bool ownsDatabase, Dictionary<string, string?>? settings, ICascadeBatchObserver? observer,
        Action<IServiceCollection>? configure)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Engine:BackgroundCascades"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDirectiveFlowInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        // Last: a registration inside the infrastructure (Quartz setup, it seems) adds TimeProvider.System after any earlier one.
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        // Leases run on the same fake clock: advancing it is how a test lets one run out.
        services.Replace(ServiceDescriptor.Singleton(new WallClock(clock)));
        if (observer is not null)
        {
            services.AddSingleton(observer);
        }

        configure?.Invoke(services);
        return new EngineHost(database, ownsDatabase, services.BuildServiceProvider(), clock);
    }

    public DirectiveFlowDbContext Context() => Database.CreateContext();

    /// <summary>Sends a command in its own scope, as one request would.</summary>
    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, Cancel);
    }

    public async Task<T> QueryAsync<T>(IQuery<T> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, Cancel);
    }

    /// <summary>Stores <paramref name="json"/> as version 1, published.</summary>
    public async Task<WorkflowDefinitionRecord> PublishAsync(string json)
    {
        var definition = WorkflowDefinitionSerializer.Deserialize(json);
        var record = new WorkflowDefinitionRecord
        {
            Id = Guid.NewGuid(), DefinitionId = definition.Id, Version = 1, Name = definition.Name, IsPublished = true, IsLatest = true,
            Json = json, CreatedAt = Clock.GetUtcNow(), PublishedAt = Clock.GetUtcNow(),
        };
        await using var db = Context();
        db.WorkflowDefinitions.Add(record);
        await db.SaveChangesAsync(Cancel);
        return record;
    }

    /// <summary>Publishes a shipped flow from <c>workflows/</c>.</summary>
    public Task<WorkflowDefinitionRecord> PublishShippedAsync(string id) =>
        PublishAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", id + ".json")));

    /// <summary>Issues a directive from the unit with <paramref name="issuerCode"/>; a refusal throws its ProblemException.</summary>
    public async Task<IssueDirectiveResult> IssueAsync(string flowId, string issuerCode, string inputsJson = "{}",
        Core.Directives.DirectivePriority priority = Core.Directives.DirectivePriority.Normal)
    {
        var issuer = await UnitIdAsync(issuerCode);
        return await SendAsync(new IssueDirectiveCommand("Kết luận số 15-KL/TU", "Về đẩy mạnh giải quyết 5 điểm nghẽn", "Nội dung",
            priority, issuer, flowId, System.Text.Json.Nodes.JsonNode.Parse(inputsJson)!.AsObject(), "issuer.thanhuy", Caller.System));
    }

    public async Task<Guid> UnitIdAsync(string code)
    {
        await using var db = Context();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
