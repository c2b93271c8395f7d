namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>One <see cref="TaskApiWorld"/> on SQLite shared by a test class (each test inserts its own tasks).</summary>
public sealed class TaskWorldFixture : IAsyncLifetime
{
    public TaskApiWorld World { get; private set; } = null!;

    public async ValueTask InitializeAsync() => World = await TaskApiWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await World.DisposeAsync();
}
