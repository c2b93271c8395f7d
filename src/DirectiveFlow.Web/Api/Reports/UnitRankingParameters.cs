using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Reports.Ranking;

namespace DirectiveFlow.Web.Api.Reports;

/// <summary>
/// The ranking's own query string: <c>sort</c> (any <see cref="UnitRankingSort"/>, camelCase), <c>desc</c>
/// (true/false; default "most behind first"), <c>level</c> (province, commune — the default —, subunit or all),
/// <c>q</c> (code or name), <c>page</c>, <c>pageSize</c>.
/// </summary>
public sealed record UnitRankingParameters(string? Sort, string? Desc, string? Level, string? Q, string? Page, string? PageSize)
{
    /// <summary>Every sort the ranking knows, as the API spells them (openOverdue, onTimeRate, …).</summary>
    public static string AllowedSorts { get; } =
        string.Join(", ", Enum.GetNames<UnitRankingSort>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));

    public (UnitRankingSort Sort, bool? Descending, UnitLevel? Level, PageRequest Page) Parse(FieldErrors errors)
    {
        var sort = UnitRankingSort.OpenOverdue;
        if (!string.IsNullOrWhiteSpace(Sort) && !(Enum.TryParse(Sort.Trim(), ignoreCase: true, out sort) && Enum.IsDefined(sort) && !int.TryParse(Sort, out _)))
        {
            errors.Add("sort", ErrorCodes.NotAllowed, Sort, AllowedSorts);
        }

        bool? descending = null;
        if (!string.IsNullOrWhiteSpace(Desc))
        {
            if (bool.TryParse(Desc.Trim(), out var d))
            {
                descending = d;
            }
            else
            {
                errors.Add("desc", ErrorCodes.NotAllowed, Desc, "true, false");
            }
        }

        UnitLevel? level = UnitLevel.Commune;
        if (string.Equals(Level?.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            level = null;
        }
        else if (!string.IsNullOrWhiteSpace(Level))
        {
            if (UnitVocabulary.TryParseLevel(Level.Trim(), out var l))
            {
                level = l;
            }
            else
            {
                errors.Add("level", ErrorCodes.NotAllowed, Level, $"{string.Join(", ", UnitVocabulary.LevelNamesList)}, all");
            }
        }

        var page = Number(Page, "page", 1, int.MaxValue, errors);
        var pageSize = Number(PageSize, "pageSize", 1, PageRequest.MaxPageSize, errors);
        return (sort, descending, level, PageRequest.From(page, pageSize));
    }

    private static int? Number(string? text, string field, int min, int max, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(field, ErrorCodes.WholeNumberRange, min, max);
        return null;
    }
}
