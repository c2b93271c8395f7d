using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Infrastructure.Directives.Queries.Flow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Infrastructure.Tests.Directives.Flow;

public sealed class InstanceFlowQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Counts_per_activity_follow_the_government_categories_in_one_grouped_query(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var directiveId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            var unit = new OrgUnit { Id = Guid.NewGuid(), Code = "00070-PARTY", Name = "Đảng ủy phường Hoàn Kiếm", LocalityCode = "00070", LocalityId = Guid.NewGuid(), Level = UnitLevel.Commune, Pillar = Pillar.Party };
            db.Units.Add(unit);
            db.Tasks.AddRange(
                Task("ward", unit, UnitTaskStatus.Completed, due: Now.AddDays(1), completed: Now.AddDays(-1)),
                Task("ward", unit, UnitTaskStatus.Completed, due: Now.AddDays(-3), completed: Now.AddDays(-1)),
                Task("ward", unit, UnitTaskStatus.Reported, due: Now.AddDays(2), completed: null),
                Task("ward", unit, UnitTaskStatus.InProgress, due: Now.AddDays(-1), completed: null),
                Task("ward", unit, UnitTaskStatus.Cancelled, due: Now.AddDays(-1), completed: null),
                Task("plan", unit, UnitTaskStatus.Assigned, due: Now.AddDays(5), completed: null));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var clock = new FakeTimeProvider(Now);
        var counts = await new CountTasksByActivityHandler(database.ContextFactory(), clock, new DirectiveFlow.Core.Calendar.WorkingDayCalendar([]))
            .Handle(new CountTasksByActivityQuery(directiveId), TestContext.Current.CancellationToken);

        Assert.Equal(new(4, CompletedOnTime: 1, CompletedLate: 1, OpenWithinDeadline: 1, OpenOverdue: 1, AwaitingReview: 1), counts["ward"]);
        Assert.Equal(new(1, 0, 0, 1, 0, 0), counts["plan"]);
        var units = await new ListActivityUnitsHandler(database.ContextFactory(), clock)
            .Handle(new ListActivityUnitsQuery(directiveId, "ward"), TestContext.Current.CancellationToken);
        Assert.Equal(5, units.Count);
        Assert.Contains(units, u => u.Category == TaskCategory.CompletedLate && u.UnitName == "Đảng ủy phường Hoàn Kiếm");

        UnitTask Task(string activity, OrgUnit unit, UnitTaskStatus status, DateTimeOffset due, DateTimeOffset? completed) => new()
        {
            Id = Guid.NewGuid(),
            DirectiveId = directiveId,
            InstanceId = Guid.NewGuid(),
            ActivityId = activity,
            UnitId = unit.Id,
            AssignerUnitId = unit.Id,
            Title = "Thực hiện",
            Status = status,
            CreatedAt = Now.AddDays(-10),
            DueAt = due,
            OriginalDueAt = due,
            CompletedAt = completed,
        };
    }
}
