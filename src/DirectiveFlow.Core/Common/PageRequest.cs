namespace DirectiveFlow.Core.Common;

/// <summary>
/// Paging from a query string, clamped to sane bounds (1 ≤ page ≤ <see cref="MaxPage"/>, 1 ≤ pageSize ≤ 500, default
/// 50), so <see cref="Skip"/> never overflows into a negative offset the database refuses.
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static PageRequest From(int? page, int? pageSize) =>
        new(Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    public int Skip => (Page - 1) * PageSize;
}
