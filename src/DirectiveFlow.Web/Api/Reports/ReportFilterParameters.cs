using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Organisation.Queries;
using DirectiveFlow.Infrastructure.Reports;
using Mediator;

namespace DirectiveFlow.Web.Api.Reports;

/// <summary>
/// The filters of the leadership views as the query string gives them (strings, so every bad value is a 400 naming
/// its field). <c>from</c>/<c>to</c>: a day (yyyy-MM-dd, local, both inclusive) or an ISO 8601 instant, in the years
/// <see cref="VietnamTime.FirstYear"/>–<see cref="VietnamTime.LastYear"/>; the period selects the directives issued in it. <c>documentType</c> (Resolution, Conclusion, …) selects directives of that type.
/// </summary>
public sealed record ReportFilterParameters(
    string? From, string? To, string? Pillar, string? IssuingUnitId, string? DocumentType, string? Priority, string? LocalityCode)
{
    public async Task<ReportFilter> ToFilterAsync(ISender sender, FieldErrors errors, CancellationToken ct)
    {
        var from = Instant(From, "from", endOfDay: false, errors);
        var to = Instant(To, "to", endOfDay: true, errors);
        if (from > to)
        {
            errors.Add("to", ErrorCodes.ToBeforeFrom);
        }

        Core.Organisation.Pillar? pillar = null;
        if (!string.IsNullOrWhiteSpace(Pillar))
        {
            if (UnitVocabulary.TryParsePillar(Pillar.Trim(), out var p))
            {
                pillar = p;
            }
            else
            {
                errors.Add("pillar", ErrorCodes.NotAllowed, Pillar, string.Join(", ", UnitVocabulary.PillarNames));
            }
        }

        DirectivePriority? priority = null;
        if (!string.IsNullOrWhiteSpace(Priority))
        {
            if (Enum.TryParse<DirectivePriority>(Priority.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(Priority, out _))
            {
                priority = value;
            }
            else
            {
                errors.Add("priority", ErrorCodes.NotAllowed, Priority, string.Join(", ", Enum.GetNames<DirectivePriority>()));
            }
        }

        DocumentType? documentType = null;
        if (!string.IsNullOrWhiteSpace(DocumentType))
        {
            if (Enum.TryParse<DocumentType>(DocumentType.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type) && !int.TryParse(DocumentType, out _))
            {
                documentType = type;
            }
            else
            {
                errors.Add("documentType", ErrorCodes.NotAllowed, DocumentType, string.Join(", ", Enum.GetNames<DocumentType>()));
            }
        }

        Guid? issuer = null;
        if (!string.IsNullOrWhiteSpace(IssuingUnitId))
        {
            if (Guid.TryParse(IssuingUnitId, out var id) && await sender.Send(new UnitExistsQuery(id), ct))
            {
                issuer = id;
            }
            else
            {
                errors.Add("issuingUnitId", ErrorCodes.NoSuchUnit);
            }
        }

        var locality = LocalityCode?.Trim();
        if (!string.IsNullOrEmpty(locality) && !await sender.Send(new LocalityExistsQuery(locality), ct))
        {
            errors.Add("localityCode", ErrorCodes.NoSuchLocality);
        }

        return new ReportFilter(from, to, pillar, issuer, priority, string.IsNullOrEmpty(locality) ? null : locality, documentType);
    }

    /// <summary>A day (its start, or the next day's start for an end) in Asia/Ho_Chi_Minh, or an instant.</summary>
    private static DateTimeOffset? Instant(string? text, string field, bool endOfDay, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A year outside VietnamTime's range is not a date here: its day's bounds fall outside DateTimeOffset.
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (VietnamTime.IsReckonable(day))
            {
                return VietnamTime.At(endOfDay ? day.AddDays(1) : day, TimeOnly.MinValue);
            }
        }
        else if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && VietnamTime.IsReckonable(DateOnly.FromDateTime(instant.UtcDateTime)))
        {
            return instant;
        }

        errors.Add(field, ErrorCodes.NotADate);
        return null;
    }
}
