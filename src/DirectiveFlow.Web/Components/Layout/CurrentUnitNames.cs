using System.Security.Claims;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Components.Layout;

/// <summary>
/// The signed-in user's unit name for the header. Uses its own short-lived context because the layout loads
/// while the page below it may be querying the request's context.
/// </summary>
public sealed class CurrentUnitNames(IDbContextFactory<DirectiveFlowDbContext> contexts)
{
    public async Task<string?> ForAsync(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirst(DirectiveFlowClaims.UnitId)?.Value, out var unitId))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync();
        return await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync();
    }
}
