using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// An engine step is rolled back whole when it fails, so EF Core's own savepoint around each save inside it would only
/// cost round trips (and a PostgreSQL subtransaction): the only savepoint a step takes is the fault guard's, which lets a
/// flaw in the flow roll back the walk and keep the unit's completion.
/// </summary>
public sealed class StepSavepointTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Issuing_and_completing_plans_take_one_savepoint_per_step_the_fault_guards(string provider)
    {
        var savepoints = new SavepointLog();
        await using var host = await EngineHost.CreateAsync(provider, configure: services =>
        {
            services.AddSingleton<ILoggerProvider>(savepoints);
            services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Debug);
        });
        const string TwoWards = """
            province_code,province_name,code,name,type
            01,Thành phố Hà Nội,00004,Ba Đình,phuong
            01,Thành phố Hà Nội,00008,Ngọc Hà,phuong
            """;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>()
                .ImportAsync(System.Text.Encoding.UTF8.GetBytes(TwoWards.ReplaceLineEndings("\n")), EngineHost.Cancel);
            Assert.True(import.Succeeded);
        }

        await host.PublishShippedAsync("party-conclusion");
        savepoints.Reset();
        var issued = await host.IssueAsync("party-conclusion", "01-PARTY", """{"deadlineDays": 20}""");
        var plans = await FlowDriver.OpenTasksAsync(host, issued.InstanceId);
        Assert.Equal(4, plans.Count);
        foreach (var plan in plans)
        {
            Assert.Equal(ResumeResult.Resumed, await host.SendAsync(new ResumeTaskCommand(plan.Id, "Done", "officer")));
        }

        // Each plan's completion walked its branch on (re-cascading to the two wards' counterparts) under the guard.
        Assert.Equal(8, (await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "carry-out")).Count);
        Assert.Equal(plans.Count, savepoints.Count);
    }

    /// <summary>Counts the savepoints EF Core creates (its "creating transaction savepoint" debug event).</summary>
    private sealed class SavepointLog : ILoggerProvider, ILogger
    {
        private int _count;

        public int Count => _count;

        public void Reset() => _count = 0;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == RelationalEventId.CreatingTransactionSavepoint.Id)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void Dispose()
        {
        }
    }
}
