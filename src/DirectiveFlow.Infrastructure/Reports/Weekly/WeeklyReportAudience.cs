using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// Whose weekly report a leader receives by email: an issuing unit's covers the directives it issued ("issuer"),
/// any other unit head's the unit and every unit below it ("unit") — the scope a head has on the page and the API.
/// </summary>
public static class WeeklyReportAudience
{
    public const string Issuer = "issuer";
    public const string Unit = "unit";

    public static async Task<GetWeeklyReportQuery> QueryAsync(
        DirectiveFlowDbContext db, string audience, Guid unitId, IsoWeek week, CancellationToken cancellationToken) =>
        audience == Issuer
            ? new GetWeeklyReportQuery(ReportScope.Everything, week, unitId, new ReportFilter(IssuingUnitId: unitId))
            : new GetWeeklyReportQuery(ReportScope.OfUnits(await UnitSubtree.ReadAsync(db, unitId, cancellationToken)), week, unitId);
}
