using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Reports.Weekly;

namespace DirectiveFlow.Web.Api.Reports;

/// <summary>
/// The weekly report's query string: <c>week</c> (ISO, "2026-W49"; default: the current week) and <c>format</c>
/// (json, xlsx or pdf; default: what the Accept header asks for, else json). A malformed week or one that has not
/// started is a 400 naming the field.
/// </summary>
public sealed record WeeklyReportParameters(string? Week, string? Format)
{
    public const string Json = "json";
    public const string Xlsx = "xlsx";
    public const string Pdf = "pdf";

    public (IsoWeek Week, string Format) Parse(DateTimeOffset now, string? accept, FieldErrors errors)
    {
        var week = IsoWeek.Of(now);
        if (!string.IsNullOrWhiteSpace(Week))
        {
            if (!IsoWeek.TryParse(Week, out week))
            {
                errors.Add("week", ErrorCodes.NotAWeek);
            }
            else if (week.Start > now)
            {
                errors.Add("week", ErrorCodes.WeekNotStarted, week.ToString());
            }
        }

        var format = Format?.Trim().ToLowerInvariant() switch
        {
            null or "" => FromAccept(accept),
            Json or Xlsx or Pdf => Format.Trim().ToLowerInvariant(),
            _ => null,
        };
        if (format is null)
        {
            errors.Add("format", ErrorCodes.NotAllowed, Format, $"{Json}, {Xlsx}, {Pdf}");
        }

        return (week, format ?? Json);
    }

    private static string FromAccept(string? accept) =>
        accept is null ? Json
        : accept.Contains(Infrastructure.Reports.Weekly.Xlsx.WeeklyReportWorkbook.ContentType, StringComparison.OrdinalIgnoreCase) ? Xlsx
        : accept.Contains(Infrastructure.Reports.Weekly.Pdf.WeeklyReportPdf.ContentType, StringComparison.OrdinalIgnoreCase) ? Pdf
        : Json;
}
