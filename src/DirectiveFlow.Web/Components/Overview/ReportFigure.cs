using DirectiveFlow.Infrastructure.Reports;

namespace DirectiveFlow.Web.Components.Overview;

/// <summary>
/// The figures of <see cref="ReportCounts"/> in the order the pages show them, each with its label key and the value
/// the drill-down's <c>category</c> parameter takes (null for the total).
/// </summary>
public sealed record ReportFigure(string? Category, string LabelKey, Func<ReportCounts, int> Value)
{
    public static IReadOnlyList<ReportFigure> All { get; } =
    [
        new(null, "Common.Total", c => c.Total),
        new(nameof(ReportCounts.CompletedOnTime), "TaskCategory.CompletedOnTime", c => c.CompletedOnTime),
        new(nameof(ReportCounts.CompletedLate), "TaskCategory.CompletedLate", c => c.CompletedLate),
        new(nameof(ReportCounts.OpenWithinDeadline), "TaskCategory.OpenWithinDeadline", c => c.OpenWithinDeadline),
        new(nameof(ReportCounts.OpenOverdue), "TaskCategory.OpenOverdue", c => c.OpenOverdue),
        new(nameof(ReportCounts.DueSoon), "Category.DueSoon", c => c.DueSoon),
        new(nameof(ReportCounts.NotAcknowledged), "Figure.NotAcknowledged", c => c.NotAcknowledged),
        new(nameof(ReportCounts.NotYetReached), "Figure.NotYetReached", c => c.NotYetReached),
    ];

    /// <summary>The CSS key of the figure (count and badge colours): its category, "Total" for the total.</summary>
    public string Key => Category ?? "Total";
}
