using DirectiveFlow.Web.Tests.Api.Reports;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>The reports' data set (<see cref="ReportsApiWorld"/>) on SQLite, shared by page tests that only read.</summary>
public sealed class OverviewWorldFixture : IAsyncLifetime
{
    public ReportsApiWorld World { get; private set; } = default!;

    public async ValueTask InitializeAsync() => World = await ReportsApiWorld.CreateAsync();

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
