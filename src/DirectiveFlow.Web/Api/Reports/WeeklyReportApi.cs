using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.Weekly;
using DirectiveFlow.Web.Api.Problems;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace DirectiveFlow.Web.Api.Reports;

/// <summary>
/// <c>GET /api/reports/weekly?week=2026-W49&amp;format=json|xlsx|pdf</c>: the weekly report inside the caller's scope,
/// headed by the caller's unit; the files come with a Vietnamese file name and an ASCII one for older clients.
/// </summary>
public static class WeeklyReportApi
{
    public static RouteGroupBuilder MapWeeklyReportApi(this RouteGroupBuilder reports)
    {
        reports.MapGet("/weekly", async ([AsParameters] WeeklyReportParameters parameters, HttpContext http, ReportScopeResolver scopes,
            ICurrentUser user, TimeProvider time, ISender sender, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var (week, format) = parameters.Parse(time.GetUtcNow(), http.Request.Headers.Accept.ToString(), errors);
            if (errors.Count > 0)
            {
                return ApiProblems.Invalid(errors);
            }

            if (await scopes.GetAsync(ct) is not { } scope)
            {
                return ReportsApi.Forbidden();
            }

            var report = await sender.Send(new GetWeeklyReportQuery(scope, week, user.UnitId), ct);
            return format switch
            {
                WeeklyReportParameters.Xlsx => Download(http, WeeklyReportFile.Xlsx(report)),
                WeeklyReportParameters.Pdf => Download(http, WeeklyReportFile.Pdf(report)),
                _ => Results.Ok(report),
            };
        }).Produces<WeeklyReportDto>().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return reports;
    }

    /// <summary>The file as an attachment: <c>filename="bao-cao-tuan-2026-W49.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o…</c>.</summary>
    public static IResult Download(HttpContext http, WeeklyReportFile file)
    {
        var disposition = new ContentDispositionHeaderValue("attachment") { FileName = file.AsciiFileName, FileNameStar = file.FileName };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(file.Content, file.ContentType);
    }
}
