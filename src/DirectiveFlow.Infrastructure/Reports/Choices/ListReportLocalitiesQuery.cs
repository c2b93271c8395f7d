using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Choices;

/// <summary>
/// The localities a leadership page's filter offers inside <paramref name="Scope"/>, province first: those of a head's
/// units; a province and its communes; every province for a national reader, and their communes while they are few.
/// </summary>
public sealed record ListReportLocalitiesQuery(ReportScope Scope) : IQuery<IReadOnlyList<Locality>>;

public sealed class ListReportLocalitiesHandler(DirectiveFlowDbContext db) : IQueryHandler<ListReportLocalitiesQuery, IReadOnlyList<Locality>>
{
    private const int MaxCommunesListed = 400;

    public async ValueTask<IReadOnlyList<Locality>> Handle(ListReportLocalitiesQuery query, CancellationToken cancellationToken)
    {
        var localities = db.Localities.AsNoTracking();
        if (query.Scope.UnitIds is { } unitIds)
        {
            var ids = unitIds.ToList();
            var mine = db.Units.Where(u => ids.Contains(u.Id)).Select(u => u.LocalityId);
            localities = localities.Where(l => mine.Contains(l.Id));
        }
        else if (query.Scope.Directives.ProvinceId is { } province)
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
}
