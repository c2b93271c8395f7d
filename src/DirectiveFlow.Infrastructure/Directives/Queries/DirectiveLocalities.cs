using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// The localities a directive's tasks are led from, and the search by locality name or code as officials type it
/// (<see cref="SearchText"/>: "hoan kiem" and "00070" both find Phường Hoàn Kiếm), done in memory over the few thousand
/// localities at most.
/// </summary>
public static class DirectiveLocalities
{
    /// <summary>The localities of <paramref name="unitIds"/> that match <paramref name="q"/> (all of them when it is empty).</summary>
    public static async Task<List<Locality>> MatchingAsync(
        DirectiveFlowDbContext db, IQueryable<Guid> unitIds, string? q, CancellationToken cancellationToken)
    {
        var localityIds = db.Units.Where(u => unitIds.Contains(u.Id)).Select(u => u.LocalityId).Distinct();
        var localities = await db.Localities.AsNoTracking().Where(l => localityIds.Contains(l.Id)).ToListAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(q)
            ? localities
            : localities.Where(l => SearchText.Contains(LocalityNames.Full(l), q) || SearchText.Contains(l.Code, q)).ToList();
    }
}
