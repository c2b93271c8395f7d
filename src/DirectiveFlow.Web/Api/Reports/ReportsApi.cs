using System.Security.Claims;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.NotReached;
using DirectiveFlow.Infrastructure.Reports.Overview;
using DirectiveFlow.Infrastructure.Reports.Ranking;
using DirectiveFlow.Web.Api.Problems;
using Mediator;

namespace DirectiveFlow.Web.Api.Reports;

/// <summary>
/// The leadership overview API (issue 11): the overview and the ranking of units for administrators, issuers,
/// observers and unit heads, each inside their own scope (<see cref="ReportScopeResolver"/>); a directive's
/// not-yet-reached list beside its other directive-wide views.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Observer, Roles.Issuer, Roles.UnitHead));
        reports.MapGet("/overview", async ([AsParameters] ReportFilterParameters filter, ReportScopeResolver scopes,
            ISender sender, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var parsed = await filter.ToFilterAsync(sender, errors, ct);
            return errors.Count > 0 ? ApiProblems.Invalid(errors)
                : await scopes.GetAsync(ct) is { } scope ? Results.Ok(await sender.Send(new GetOverviewQuery(scope, parsed), ct))
                : Forbidden();
        });
        reports.MapGet("/units", async ([AsParameters] ReportFilterParameters filter, [AsParameters] UnitRankingParameters ranking,
            ReportScopeResolver scopes, ISender sender, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var parsed = await filter.ToFilterAsync(sender, errors, ct);
            var (sort, descending, level, page) = ranking.Parse(errors);
            return errors.Count > 0 ? ApiProblems.Invalid(errors)
                : await scopes.GetAsync(ct) is { } scope
                    ? Results.Ok(await sender.Send(new ListUnitRankingQuery(scope, parsed, page, sort, descending, level, ranking.Q), ct))
                : Forbidden();
        });
        reports.MapWeeklyReportApi();

        // Beside the directive's other directive-wide views, with their roles and their 404 for a directive out of scope.
        app.MapGet("/api/directives/{id:guid}/not-reached", async (Guid id, ClaimsPrincipal user, ISender sender,
                CancellationToken ct) =>
            {
                var reader = await sender.Send(new GetDirectiveReaderQuery(user), ct);
                return await sender.Send(new DirectiveIsReadableQuery(id, reader), ct)
                    ? Results.Ok(await sender.Send(new ListNotReachedQuery(id, ReportScope.Of(reader)), ct))
                    : ApiProblems.Of(ProblemException.NotFound(ErrorCodes.DirectiveNotFound, id));
            })
            .WithTags("Directives")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Observer, Roles.Issuer));
        return app;
    }

    internal static IResult Forbidden() => ApiProblems.Of(ProblemException.Forbidden(ErrorCodes.ReportsForbidden));
}
