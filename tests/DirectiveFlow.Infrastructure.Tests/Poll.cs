namespace DirectiveFlow.Infrastructure.Tests;

/// <summary>Waits on real time for what another thread or node does, a short while at most.</summary>
public static class Poll
{
    /// <summary>Checks <paramref name="done"/> every 100 ms until it holds or 30 seconds have passed; answers whether it held.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> done)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (!await done())
        {
            if (TimeProvider.System.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return true;
    }

    public static Task<bool> UntilAsync(Func<bool> done) => UntilAsync(() => Task.FromResult(done()));
}
