using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>
/// Creates whichever of the five <see cref="Roles"/> are missing. Runs at every start, demo mode or not, so a
/// Production database has its roles before its first administrator is created (<c>create-admin</c>).
/// </summary>
public static class RoleSeeder
{
    /// <summary>Creates the missing roles in a scope of its own (at start, after the migrations).</summary>
    public static async Task SeedDirectiveFlowRolesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        await EnsureAsync(
            scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>(),
            scope.ServiceProvider.GetRequiredService<ILookupNormalizer>(),
            cancellationToken);
    }

    /// <summary>Answers every role's id by name, creating the missing ones.</summary>
    public static async Task<Dictionary<string, Guid>> EnsureAsync(
        DirectiveFlowDbContext db, ILookupNormalizer normalizer, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var missing = Roles.All.Where(r => !roles.ContainsKey(r)).ToList();
        foreach (var name in missing)
        {
            var role = new IdentityRole<Guid>(name) { Id = Guid.NewGuid(), NormalizedName = normalizer.NormalizeName(name) };
            db.Roles.Add(role);
            roles[name] = role.Id;
        }

        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return roles;
    }
}
