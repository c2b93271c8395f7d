namespace DirectiveFlow.Core.Common;

/// <summary>Paging from a query string, clamped to sane bounds (page ≥ 1, 1 ≤ pageSize ≤ 500, default 50).</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static PageRequest From(int? page, int? pageSize) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    public int Skip => (Page - 1) * PageSize;
}
