using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Components.Overview;

/// <summary>
/// The overview's filters as its GET form and links carry them (<c>period, from, to, pillar, issuer, priority,
/// locality, documentType</c>): read leniently (a value the page cannot use is left out, never an error page), turned into the
/// reports' <see cref="ReportFilter"/>, and written back into every link so a drill-down counts what its figure counted.
/// </summary>
public sealed record OverviewQuery(
    OverviewPeriod Period, DateOnly? From, DateOnly? To, Pillar? Pillar, Guid? IssuerId, DirectivePriority? Priority, string? Locality,
    DocumentType? DocumentType = null)
{
    public static OverviewQuery None { get; } = new(OverviewPeriod.All, null, null, null, null, null, null);

    public static OverviewQuery Parse(string? period, string? from, string? to, string? pillar, string? issuer, string? priority, string? locality,
        string? documentType = null)
    {
        var kind = Named<OverviewPeriod>(period) ?? OverviewPeriod.All;
        // A day outside 2000–9998 is left out like any other the page cannot use (31/12/9999 has no next day to end on).
        var fromDay = UiFormat.ParseDay(from) is { } f && VietnamTime.IsReckonable(f) ? f : (DateOnly?)null;
        var toDay = UiFormat.ParseDay(to) is { } t && VietnamTime.IsReckonable(t) ? t : (DateOnly?)null;
        if (fromDay > toDay)
        {
            (fromDay, toDay) = (toDay, fromDay);
        }

        // Days typed while the period is left at "any time" mean a custom range; a chosen week, month or quarter wins.
        if (kind == OverviewPeriod.All && (fromDay is not null || toDay is not null))
        {
            kind = OverviewPeriod.Custom;
        }

        return new OverviewQuery(
            kind,
            kind == OverviewPeriod.Custom ? fromDay : null,
            kind == OverviewPeriod.Custom ? toDay : null,
            pillar is { Length: > 0 } && UnitVocabulary.TryParsePillar(pillar, out var pillarValue) ? pillarValue : null,
            Guid.TryParse(issuer, out var issuerId) ? issuerId : null,
            Named<DirectivePriority>(priority),
            string.IsNullOrWhiteSpace(locality) ? null : locality.Trim(),
            Named<DocumentType>(documentType));
    }

    /// <summary>The first and last day of the period (both included) on <paramref name="today"/>; nulls for "any time".</summary>
    public (DateOnly? First, DateOnly? Last) Days(DateOnly today)
    {
        switch (Period)
        {
            case OverviewPeriod.Week:
                var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
                return (monday, monday.AddDays(6));
            case OverviewPeriod.Month:
                var first = new DateOnly(today.Year, today.Month, 1);
                return (first, first.AddMonths(1).AddDays(-1));
            case OverviewPeriod.Quarter:
                var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
                return (quarter, quarter.AddMonths(3).AddDays(-1));
            case OverviewPeriod.Custom:
                return (From, To);
            default:
                return (null, null);
        }
    }

    /// <summary>The reports' filter on <paramref name="today"/>, with the locality already resolved to its code.</summary>
    public ReportFilter ToFilter(DateOnly today, string? localityCode)
    {
        var (first, last) = Days(today);
        return new ReportFilter(
            first is { } f ? VietnamTime.At(f, TimeOnly.MinValue) : null,
            last is { } l ? VietnamTime.At(l.AddDays(1), TimeOnly.MinValue) : null,
            Pillar, IssuerId, Priority, localityCode, DocumentType);
    }

    /// <summary>The query string parameters that differ from "no filter", for links.</summary>
    public IEnumerable<(string Key, string Value)> Parameters()
    {
        if (Period != OverviewPeriod.All)
        {
            yield return ("period", Period.ToString().ToLowerInvariant());
        }

        if (From is { } from)
        {
            yield return ("from", UiFormat.IsoDay(from));
        }

        if (To is { } to)
        {
            yield return ("to", UiFormat.IsoDay(to));
        }

        if (Pillar is { } pillar)
        {
            yield return ("pillar", OrgUnit.PillarCode(pillar));
        }

        if (IssuerId is { } issuer)
        {
            yield return ("issuer", issuer.ToString());
        }

        if (Priority is { } priority)
        {
            yield return ("priority", priority.ToString());
        }

        if (Locality is { } locality)
        {
            yield return ("locality", locality);
        }

        if (DocumentType is { } type)
        {
            yield return ("documentType", type.ToString());
        }
    }

    /// <summary>Whether any filter is set (the pages then offer to clear them).</summary>
    public bool Any => Parameters().Any();

    /// <summary>
    /// <paramref name="path"/> with these filters and <paramref name="extra"/> parameters (a null or empty value leaves
    /// the parameter out; an extra parameter replaces a filter of the same name, e.g. a matrix cell's pillar).
    /// </summary>
    public string Href(string path, params (string Key, string? Value)[] extra)
    {
        var replaced = extra.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var pairs = Parameters().Where(p => !replaced.Contains(p.Key)).Select(p => (p.Key, (string?)p.Value))
            .Concat(extra).Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Item2!)}")
            .ToList();
        return pairs.Count == 0 ? path : $"{path}?{string.Join("&", pairs)}";
    }


    /// <summary>An enum value by its name (case-insensitive), never by its number; null for anything else.</summary>
    private static T? Named<T>(string? text)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;
}
