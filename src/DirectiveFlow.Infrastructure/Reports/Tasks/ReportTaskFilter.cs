using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Reports.Tasks;

/// <summary>
/// What narrows a report's tasks to the ones behind one figure: the lead unit's <see cref="Level"/>, a
/// <see cref="Category"/> (null: every task in a category, i.e. the total), one lead unit or one directive.
/// </summary>
public sealed record ReportTaskFilter(
    UnitLevel? Level = null, ReportTaskCategory? Category = null, Guid? UnitId = null, Guid? DirectiveId = null)
{
    public static ReportTaskFilter None { get; } = new();
}
