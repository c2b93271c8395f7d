using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Hosting;
using Mediator;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// At start outside Development and Testing, warns when accounts still hold a refused demo password (counted cheaply by
/// <see cref="CountDemoPasswordAccountsQuery"/>).
/// </summary>
public sealed class DemoPasswordAudit(IServiceScopeFactory scopes, DemoPasswordGuard guard, ILogger<DemoPasswordAudit> logger) : StoppableService
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!guard.Active)
        {
            return;
        }

        try
        {
            var count = await CountAsync(stoppingToken);
            if (count > 0)
            {
                logger.LogWarning(
                    "{Count} account(s) still have the demo password (a database seeded in demo mode). They cannot sign in "
                    + "here until an administrator sets a new password for each.", count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not check for accounts still holding the demo password.");
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CountDemoPasswordAccountsQuery(guard.RefusedPasswords), cancellationToken);
    }
}
