using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Demo;

/// <summary>
/// How many accounts still hold one of <paramref name="Passwords"/> (the demo passwords). Cheap on a national import's
/// 13,000+ demo accounts: the provisioner hashes the password once per run and shares the hash, so only hashes shared
/// by several accounts (plus admin's and observer's) are verified — a handful of PBKDF2 runs, not one per account. An
/// account a person gave its own password has a hash (and salt) of its own and is never looked at.
/// </summary>
public sealed record CountDemoPasswordAccountsQuery(IReadOnlyList<string> Passwords) : IQuery<int>;

public sealed class CountDemoPasswordAccountsHandler(DirectiveFlowDbContext db, IPasswordHasher<AppUser> hasher)
    : IQueryHandler<CountDemoPasswordAccountsQuery, int>
{
    public async ValueTask<int> Handle(CountDemoPasswordAccountsQuery query, CancellationToken cancellationToken)
    {
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
        return candidates.Where(c => IsOneOf(query.Passwords, c.Hash)).Sum(c => c.Count);
    }

    private bool IsOneOf(IReadOnlyList<string> passwords, string hash) =>
        passwords.Any(p => hasher.VerifyHashedPassword(new AppUser(), hash, p) != PasswordVerificationResult.Failed);
}
