using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>
/// The task services on a real database (SQLite or PostgreSQL) with a fake clock, the real calendar, a recording
/// engine, and a ward, its sub-unit, a second ward and a city unit as the assigner.
/// </summary>
public sealed class TaskHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private ServiceProvider _services = null!;

    private TaskHarness(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public RecordingWorkflowEngine Engine { get; } = new();

    public WorkingDayCalendar Calendar { get; } = new(VietnamHolidays.For(2026).Concat(VietnamHolidays.For(2027)));

    public OrgUnit City { get; private set; } = null!;

    public OrgUnit Ward { get; private set; } = null!;

    public OrgUnit WardSubUnit { get; private set; } = null!;

    public OrgUnit OtherWard { get; private set; } = null!;

    public static async Task<TaskHarness> CreateAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var harness = new TaskHarness(database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Database:DataFolder"] = Path.Combine(Path.GetTempPath(), "directiveflow-tests", Guid.NewGuid().ToString("N")),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(harness.Clock);
        services.AddDirectiveFlowInfrastructure(configuration);
        services.AddSingleton<IWorkingDayCalendar>(harness.Calendar);
        services.AddSingleton<IWorkflowEngine>(harness.Engine);
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CallerBox>().User ?? throw new InvalidOperationException("No caller set."));
        services.AddScoped<CallerBox>();
        harness._services = services.BuildServiceProvider(validateScopes: true);
        await harness.SeedUnitsAsync();
        return harness;
    }

    /// <summary>Runs one request's worth of work as <paramref name="user"/> in its own scope.</summary>
    public async Task<T> AsAsync<T>(ICurrentUser user, Func<ISender, ValueTask<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerBox>().User = user;
        return await work(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    public static TestCurrentUser Officer(OrgUnit unit) => new(unit.Code, unit.Id, Roles.UnitOfficer);

    public static TestCurrentUser Head(OrgUnit unit) => new(unit.Code + ".head", unit.Id, Roles.UnitHead);

    public static TestCurrentUser Issuer(OrgUnit unit) => new(unit.Code, unit.Id, Roles.Issuer, Roles.UnitOfficer);

    public static TestCurrentUser Admin() => new("admin", null, Roles.Administrator);

    public static TestCurrentUser Observer() => new("observer", null, Roles.Observer);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task SeedUnitsAsync()
    {
        await using var db = Database.CreateContext();
        var data = new TaskTestData(db);
        City = await data.AddUnitAsync("01-COMMITTEE", "Ủy ban nhân dân Thành phố Hà Nội", level: UnitLevel.Province);
        Ward = await data.AddUnitAsync("00070-COMMITTEE", "Ủy ban nhân dân phường Hoàn Kiếm");
        WardSubUnit = await data.AddUnitAsync("00070-COMMITTEE-TDP1", "Tổ dân phố số 1", Ward.Id, UnitLevel.SubUnit);
        OtherWard = await data.AddUnitAsync("00613-COMMITTEE", "Ủy ban nhân dân phường Tây Tựu");
    }

    private sealed class CallerBox
    {
        public ICurrentUser? User { get; set; }
    }
}
