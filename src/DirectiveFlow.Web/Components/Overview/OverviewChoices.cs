using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Components.Overview;

/// <summary>
/// What the overview's filters offer a caller and how a typed locality is read: the units that issued the directives
/// the caller reads, the localities of the caller's scope (its province and communes; a head's sub-tree; every
/// province, and their communes while they are few, for a national reader), and the scope's name.
/// </summary>
public sealed class OverviewChoices(DirectiveFlowDbContext db, ICurrentUser user)
{
    private const int MaxCommunesListed = 400;

    public async Task<IReadOnlyList<OverviewChoice>> IssuersAsync(CancellationToken cancellationToken)
    {
        var reader = await DirectiveReader.ForAsync(db, user, cancellationToken);
        var issuers = reader.Filter(db, db.Directives).Select(d => d.IssuingUnitId).Distinct();
        var units = await db.Units.AsNoTracking().Where(u => issuers.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(cancellationToken);
        return units.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new OverviewChoice(u.Id.ToString(), u.Name)).ToList();
    }

    /// <summary>The localities offered, province first; each sent by its full name (codes are resolved too, by <see cref="ResolveLocalityAsync"/>).</summary>
    public async Task<IReadOnlyList<Locality>> LocalitiesAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        var localities = db.Localities.AsNoTracking();
        if (scope.UnitIds is { } unitIds)
        {
            var ids = unitIds.ToList();
            var mine = db.Units.Where(u => ids.Contains(u.Id)).Select(u => u.LocalityId);
            localities = localities.Where(l => mine.Contains(l.Id));
        }
        else if (scope.Directives.ProvinceId is { } province)
        {
            localities = localities.Where(l => l.Id == province || l.ParentId == province);
        }
        else if (await localities.CountAsync(l => l.ParentId != null, cancellationToken) > MaxCommunesListed)
        {
            localities = localities.Where(l => l.ParentId == null);
        }

        var list = await localities.ToListAsync(cancellationToken);
        return list.OrderBy(l => l.ParentId is null ? 0 : 1).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The locality a typed value means: an exact code, else a name (diacritics and case ignored, one among the offered
    /// localities preferred when the name repeats across provinces); null when none.
    /// </summary>
    public async Task<Locality?> ResolveLocalityAsync(string? text, IReadOnlyList<Locality> offered, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        var byCode = await db.Localities.AsNoTracking().FirstOrDefaultAsync(l => l.Code == value, cancellationToken);
        if (byCode is not null)
        {
            return byCode;
        }

        var folded = SearchText.Fold(value);
        bool Named(Locality l) => SearchText.Fold(l.Name) == folded || SearchText.Fold(LocalityNames.Full(l)) == folded;
        return offered.FirstOrDefault(Named) ?? (await db.Localities.AsNoTracking().ToListAsync(cancellationToken)).FirstOrDefault(Named);
    }

    /// <summary>Whose figures these are: a head's unit, the province of an issuer or observer, or null for everything.</summary>
    public async Task<string?> ScopeNameAsync(ReportScope scope, CancellationToken cancellationToken)
    {
        if (scope.UnitIds is not null && user.UnitId is { } unit)
        {
            return await db.Units.AsNoTracking().Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
        }

        return scope.Directives.ProvinceId is { } province
            ? await db.Localities.AsNoTracking().Where(l => l.Id == province).Select(l => l.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
    }
}
