using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports.Overview;
using DirectiveFlow.Infrastructure.Reports.Tallies;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DirectiveFlow.Infrastructure.Tests.Reports;

/// <summary>The tallies as stored against a grouped count of the tasks as stored, the key worked out here in C#.</summary>
public static class TallyAssert
{
    public static async Task EqualToTasksAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);
        var localities = await db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Id, cancellationToken);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.ParentTaskId == null).ToListAsync(cancellationToken);
        var expected = tasks
            .GroupBy(t => Key(t, units[t.UnitId], localities))
            .ToDictionary(g => g.Key, g => g.Count());

        var stored = (await db.TaskTallies.AsNoTracking().ToListAsync(cancellationToken))
            .Where(t => t.Count != 0)
            .ToDictionary(t => (t.DirectiveId, t.Pillar, t.Level, t.ProvinceCode, t.Bucket, t.DueAt.UtcTicks, t.CreatedAt.UtcTicks, t.CompletedWeek.UtcTicks, t.CompletedAtWeekStart), t => t.Count);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), stored.OrderBy(e => e.Key.ToString()));
    }

    private static (Guid, Core.Organisation.Pillar, Core.Organisation.UnitLevel, string, TallyBucket, long, long, long, bool) Key(
        UnitTask t, Core.Organisation.OrgUnit unit, Dictionary<Guid, Core.Organisation.Locality> localities)
    {
        var locality = localities.GetValueOrDefault(unit.LocalityId);
        var province = locality?.ParentId is { } parent && localities.TryGetValue(parent, out var p) ? p.Code : unit.LocalityCode;
        var bucket = TaskCategories.Of(t.Status, t.DueAt, t.CompletedAt, t.CreatedAt) switch
        {
            TaskCategory.CompletedOnTime => TallyBucket.CompletedOnTime,
            TaskCategory.CompletedLate => TallyBucket.CompletedLate,
            null => TallyBucket.Cancelled,
            _ => t.IsNotAcknowledged() ? TallyBucket.Assigned : TallyBucket.Open,
        };
        var week = t.CompletedAt is { } done
            ? VietnamTime.At(TrendReader.MondayOf(VietnamTime.DateOf(done)), TimeOnly.MinValue)
            : TaskTally.NoCompletion;
        return (t.DirectiveId, unit.Pillar, unit.Level, province, bucket, t.DueAt.UtcTicks, t.CreatedAt.UtcTicks, week.UtcTicks, week == t.CompletedAt);
    }
}
