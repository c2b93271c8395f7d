namespace DirectiveFlow.Core.Common;

/// <summary>The envelope every list endpoint answers with: <c>{items, total, page, pageSize}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
