namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>The first <see cref="Items"/> of a list of <see cref="Total"/> (a report names the most behind, then stops).</summary>
public sealed record ReportList<T>(IReadOnlyList<T> Items, int Total);
