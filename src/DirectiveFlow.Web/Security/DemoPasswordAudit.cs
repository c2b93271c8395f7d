using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// At start in Production, warns when accounts still hold the demo password. Cheap on a national import's 13,000+
/// demo accounts: the provisioner hashes the password once per run and shares the hash, so only hashes shared by
/// several accounts (plus admin's and observer's) are verified — a handful of PBKDF2 runs, not one per account. An
/// account a person gave its own password has a hash (and salt) of its own and is never looked at.
/// </summary>
public sealed class DemoPasswordAudit(IServiceScopeFactory scopes, DemoPasswordGuard guard, ILogger<DemoPasswordAudit> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
                    + "in Production until an administrator sets a new password for each.", count);
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
        var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
        var shared = await db.Users.Where(u => u.PasswordHash != null)
            .GroupBy(u => u.PasswordHash!)
            .Where(g => g.Count() > 1)
            .Select(g => new { Hash = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        string[] named = [DemoAccountProvisioner.AdminUserName, DemoAccountProvisioner.ObserverUserName];
        var single = await db.Users.Where(u => u.PasswordHash != null && named.Contains(u.UserName!))
            .Select(u => u.PasswordHash!)
            .ToListAsync(cancellationToken);
        var candidates = shared.Concat(single.Except(shared.Select(s => s.Hash)).Select(h => new { Hash = h, Count = 1 }));
        return candidates.Where(c => IsDemoPassword(hasher, c.Hash)).Sum(c => c.Count);
    }

    private bool IsDemoPassword(IPasswordHasher<AppUser> hasher, string hash) =>
        guard.DemoPasswords.Any(p => hasher.VerifyHashedPassword(new AppUser(), hash, p) != PasswordVerificationResult.Failed);
}
