using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Choices;

/// <summary>
/// Whose figures <paramref name="Scope"/> holds, as a page titles them: the current caller's unit for a head, the
/// province of an issuer or observer, or null for everything.
/// </summary>
public sealed record GetReportScopeNameQuery(ReportScope Scope) : IQuery<string?>;

public sealed class GetReportScopeNameHandler(DirectiveFlowDbContext db, ICurrentUser user) : IQueryHandler<GetReportScopeNameQuery, string?>
{
    public async ValueTask<string?> Handle(GetReportScopeNameQuery query, CancellationToken cancellationToken)
    {
        if (query.Scope.UnitIds is not null && user.UnitId is { } unit)
        {
            return await db.Units.AsNoTracking().Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
        }

        return query.Scope.Directives.ProvinceId is { } province
            ? await db.Localities.AsNoTracking().Where(l => l.Id == province).Select(l => l.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
    }
}
