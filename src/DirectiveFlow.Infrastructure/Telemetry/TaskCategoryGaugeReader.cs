using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.Tallies;

namespace DirectiveFlow.Infrastructure.Telemetry;

/// <summary>
/// The tasks of every directive per government category and lead unit's pillar, as the overview counts them, read
/// from the tallies (<see cref="TallyReader"/>: a few thousand summed rows, whatever the number of tasks).
/// </summary>
public static class TaskCategoryGaugeReader
{
    public static async Task<Dictionary<(string Category, string Pillar), int>> ReadAsync(
        DirectiveFlowDbContext db, IWorkingDayCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cells = await TallyReader.CellsAsync(TallyReader.Select(db, ReportScope.Everything, ReportFilter.None), CategoryTime.At(now, calendar), cancellationToken);
        var counts = new Dictionary<(string, string), int>();
        foreach (var pillar in Enum.GetValues<Pillar>())
        {
            var sum = TaskCategoryCounts.Sum(cells.Where(c => c.Key.Pillar == pillar).Select(c => c.Value));
            var code = OrgUnit.PillarCode(pillar);
            counts[("completed_on_time", code)] = sum.CompletedOnTime;
            counts[("completed_late", code)] = sum.CompletedLate;
            counts[("open_within_deadline", code)] = sum.OpenWithinDeadline;
            counts[("open_overdue", code)] = sum.OpenOverdue;
            counts[("due_soon", code)] = sum.DueSoon;
            counts[("not_acknowledged", code)] = sum.NotAcknowledged;
        }

        return counts;
    }
}
