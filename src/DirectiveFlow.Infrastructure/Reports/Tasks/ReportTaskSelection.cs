using System.Linq.Expressions;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Reports.Tasks;

/// <summary>
/// The tasks behind a figure of the overview, the ranking or a unit's page: <see cref="ReportTasks.Select"/> (scope and
/// filters) narrowed by a <see cref="ReportTaskFilter"/> with the rules of <see cref="TaskCategories"/>, so a list's row
/// count is the figure it was opened from.
/// </summary>
public static class ReportTaskSelection
{
    public static IQueryable<UnitTask> Select(
        DirectiveFlowDbContext db, ReportScope scope, ReportFilter filter, ReportTaskFilter narrow, CategoryTime time)
    {
        var tasks = ReportTasks.Select(db, scope, filter).Where(Rule(narrow.Category, time));
        if (narrow.Level is { } level)
        {
            var units = db.Units.Where(u => u.Level == level).Select(u => u.Id);
            tasks = tasks.Where(t => units.Contains(t.UnitId));
        }

        if (narrow.UnitId is { } unitId)
        {
            tasks = tasks.Where(t => t.UnitId == unitId);
        }

        if (narrow.DirectiveId is { } directiveId)
        {
            tasks = tasks.Where(t => t.DirectiveId == directiveId);
        }

        return tasks;
    }

    private static Expression<Func<UnitTask, bool>> Rule(ReportTaskCategory? category, CategoryTime time) => category switch
    {
        null => TaskCategoryQueries.Expand<Func<UnitTask, bool>>(t => t.IsCounted()),
        ReportTaskCategory.DueSoon => TaskCategories.DueSoon(time),
        ReportTaskCategory.NotAcknowledged => TaskCategoryQueries.Expand<Func<UnitTask, bool>>(t => t.IsNotAcknowledged()),
        ReportTaskCategory.CompletedOnTime => TaskCategories.Where(TaskCategory.CompletedOnTime, time),
        ReportTaskCategory.CompletedLate => TaskCategories.Where(TaskCategory.CompletedLate, time),
        ReportTaskCategory.OpenWithinDeadline => TaskCategories.Where(TaskCategory.OpenWithinDeadline, time),
        ReportTaskCategory.OpenOverdue => TaskCategories.Where(TaskCategory.OpenOverdue, time),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
    };
}
