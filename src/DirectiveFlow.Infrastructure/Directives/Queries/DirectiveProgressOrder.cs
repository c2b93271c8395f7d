namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// The directive list's progress sorts, in memory over one row per directive: each column in its own direction unless
/// told otherwise, directives without a value (no tasks, nothing ahead) last either way, newest first among equals.
/// </summary>
public static class DirectiveProgressOrder
{
    public static IEnumerable<Guid> Sort(
        IEnumerable<(Guid Id, DateTimeOffset CreatedAt, DirectiveListProgress? Progress)> rows, DirectiveSort sort, bool? descending)
    {
        var list = rows.ToList();
        Func<DirectiveListProgress?, double?> key = sort switch
        {
            DirectiveSort.Total => p => p?.Counts.Total ?? 0,
            DirectiveSort.OnTime => p => p?.OnTimePercent,
            DirectiveSort.OverdueUnits => p => p?.OverdueUnits ?? 0,
            DirectiveSort.NextDue => p => p?.NextDueAt?.ToUnixTimeSeconds(),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Not a progress sort."),
        };
        var desc = descending ?? DescendingByDefault(sort);
        var ordered = list.OrderBy(r => key(r.Progress) is null);
        ordered = desc ? ordered.ThenByDescending(r => key(r.Progress)) : ordered.ThenBy(r => key(r.Progress));
        return ordered.ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id);
    }

    /// <summary>A column's own direction: newest, largest and most overdue first; number, on-time share and next deadline from the lowest.</summary>
    public static bool DescendingByDefault(DirectiveSort sort) => sort is DirectiveSort.Issued or DirectiveSort.Total or DirectiveSort.OverdueUnits;
}
