using System.Security.Claims;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Identity;
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

    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The instance view checked a directive's scope once, then refreshed its counts, units and journal by the Id alone:
    /// a view handed another province's directive showed its work. Each query now answers nothing outside the scope.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_live_queries_answer_nothing_of_a_directive_outside_the_callers_province(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid directiveId, hanoiWard, danangCity;
        await using (var db = database.CreateContext())
        {
            var hanoi = new Locality { Id = Guid.NewGuid(), Code = "01", Name = "Thành phố Hà Nội", Type = LocalityType.Province };
            var hoanKiem = new Locality { Id = Guid.NewGuid(), Code = "00070", Name = "Hoàn Kiếm", Type = LocalityType.Ward, ParentId = hanoi.Id };
            var danang = new Locality { Id = Guid.NewGuid(), Code = "48", Name = "Thành phố Đà Nẵng", Type = LocalityType.Province };
            db.Localities.AddRange(hanoi, hoanKiem, danang);
            var ward = Engine.TestOrganisation.Unit(hoanKiem, Pillar.Committee, UnitLevel.Commune, null, "UBND phường Hoàn Kiếm");
            var city = Engine.TestOrganisation.Unit(danang, Pillar.Committee, UnitLevel.Province, null, "UBND Thành phố Đà Nẵng");
            db.Units.AddRange(ward, city);
            await db.SaveChangesAsync(Ct);
            (hanoiWard, danangCity) = (ward.Id, city.Id);
            var data = new DirectiveFlow.TestSupport.Tasks.TaskTestData(db);
            var directive = await data.AddDirectiveAsync(ward.Id);
            directiveId = directive.Id;
            await data.AddTaskAsync(directive, ward.Id, ward.Id, Now, Now.AddDays(5), configure: t => t.ActivityId = "ward");
            db.Journal.Add(new JournalEntry { DirectiveId = directiveId, At = Now, Actor = "system", Action = "directive.issued" });
            await db.SaveChangesAsync(Ct);
        }

        var clock = new FakeTimeProvider(Now);
        var counts = new CountTasksByActivityHandler(database.ContextFactory(), clock, new DirectiveFlow.Core.Calendar.WorkingDayCalendar([]));
        var units = new ListActivityUnitsHandler(database.ContextFactory(), clock);
        var journal = new ListRecentJournalHandler(database.ContextFactory());
        foreach (var (caller, reads) in new[] { (Of(danangCity), false), (Of(hanoiWard), true), (Admin, true) })
        {
            Assert.Equal(reads, (await counts.Handle(new CountTasksByActivityQuery(directiveId, caller), Ct)).Count > 0);
            Assert.Equal(reads, (await units.Handle(new ListActivityUnitsQuery(directiveId, "ward", caller), Ct)).Count > 0);
            Assert.Equal(reads, (await journal.Handle(new ListRecentJournalQuery(directiveId, 50, caller), Ct)).Count > 0);
        }

        static ClaimsPrincipal Of(Guid unit) => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, Roles.Observer), new Claim(DirectiveFlowClaims.UnitId, unit.ToString())], "test"));
    }

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
            db.Directives.Add(new Directive
            {
                Id = directiveId, Number = "Kết luận số 15-KL/TU", Title = "Chuyển đổi số", IssuingUnitId = unit.Id, WorkflowDefinitionId = "test-flow",
                WorkflowVersion = 1,
            });
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
            .Handle(new CountTasksByActivityQuery(directiveId, Admin), TestContext.Current.CancellationToken);

        Assert.Equal(new(4, CompletedOnTime: 1, CompletedLate: 1, OpenWithinDeadline: 1, OpenOverdue: 1, AwaitingReview: 1), counts["ward"]);
        Assert.Equal(new(1, 0, 0, 1, 0, 0), counts["plan"]);
        var units = await new ListActivityUnitsHandler(database.ContextFactory(), clock)
            .Handle(new ListActivityUnitsQuery(directiveId, "ward", Admin), TestContext.Current.CancellationToken);
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
