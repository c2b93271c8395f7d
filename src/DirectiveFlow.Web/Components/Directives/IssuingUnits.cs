using System.Security.Claims;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Components.Directives;

/// <summary>Units a user may issue for: an issuer only for its own unit; an administrator for any province-level unit.</summary>
public sealed class IssuingUnits(DirectiveFlowDbContext db)
{
    public async Task<IReadOnlyList<IssuingUnit>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var units = db.Units.AsNoTracking().Where(u => u.IsActive);
        if (user.IsInRole(Roles.Administrator))
        {
            units = units.Where(u => u.Level == UnitLevel.Province);
        }
        else if (Guid.TryParse(user.FindFirst(DirectiveFlowClaims.UnitId)?.Value, out var own))
        {
            units = units.Where(u => u.Id == own);
        }
        else
        {
            return [];
        }

        return await units.OrderBy(u => u.Code).Select(u => new IssuingUnit(u.Id, u.Code, u.Name)).ToListAsync(cancellationToken);
    }
}
