using System.Security.Claims;
using DirectiveFlow.Infrastructure.Identity.Queries;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Time;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// Whether a cookie or bearer token still belongs to a live session: its account exists, is active, is not locked out, and has
/// the security stamp the session was issued with (a logout, a password change or a lock changes it). What it reads of
/// an account is kept for <see cref="SessionOptions.StampCacheSeconds"/>, and forgotten at once when this node changes
/// the account (<see cref="StampTrackingUserManager"/>).
/// </summary>
public sealed class SessionValidator(
    IServiceScopeFactory scopes,
    IMemoryCache cache,
    IOptions<SessionOptions> options,
    IOptions<IdentityOptions> identity,
    WallClock clock)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal?.FindFirstValue(claims.UserIdClaimType), out var userId))
        {
            return false;
        }

        // Bearer tokens carry the stamp's hash, cookies (encrypted) the stamp itself.
        var stampHash = principal!.FindFirstValue(SessionStamp.ClaimType)
            ?? (principal.FindFirstValue(claims.SecurityStampClaimType) is { } stamp ? SessionStamp.Hash(stamp) : null);
        if (stampHash is null)
        {
            return false;
        }

        var account = await cache.GetOrCreateAsync(CacheKey(userId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(0, options.Value.StampCacheSeconds));
            return LoadAsync(userId, cancellationToken);
        });
        return account is not null && account.IsActive && account.StampHash == stampHash
            && !(account.LockoutEnabled && account.LockoutEnd > clock.GetUtcNow());
    }

    /// <summary>Drops what this node knows of the account, so its next request reads the database.</summary>
    public void Forget(Guid userId) => cache.Remove(CacheKey(userId));

    private static string CacheKey(Guid userId) => "session-stamp:" + userId.ToString("N");

    private async Task<Account?> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetSessionAccountQuery(userId), cancellationToken);
        return row is null ? null : new Account(SessionStamp.Hash(row.SecurityStamp), row.LockoutEnabled, row.LockoutEnd, row.IsActive);
    }

    private sealed record Account(string StampHash, bool LockoutEnabled, DateTimeOffset? LockoutEnd, bool IsActive);
}
