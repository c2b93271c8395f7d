using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Infrastructure;

/// <summary>Reads the app's database directly, to see what a request did (or did not) write.</summary>
public static class AppDatabase
{
    public static async Task<T> QueryAsync<T>(this DirectiveFlowWebFactory app, Func<DirectiveFlowDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>());
    }

    public static Task<Guid> UnitIdAsync(this DirectiveFlowWebFactory app, string code) =>
        app.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken));
}
