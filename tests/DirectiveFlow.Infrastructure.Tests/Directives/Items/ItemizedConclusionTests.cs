using System.Text.Json.Nodes;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Directives.Items;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Tests.Directives;
using DirectiveFlow.Infrastructure.Tests.Engine;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Directives.Items;

/// <summary>
/// Issue 17: a conclusion with numbered items issued through the shipped flow "conclusion-items" — each item its own
/// lead unit (a city department, a ward, and the same department again), supporting units and deadline.
/// </summary>
public sealed class ItemizedConclusionTests
{
    private const string Flow = "conclusion-items";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_three_item_conclusion_gives_each_item_its_lead_task_supporting_units_deadline_and_journal(string provider)
    {
        await using var host = await SeededAsync(provider);
        var now = host.Clock.GetUtcNow();
        var calendar = host.Services.GetRequiredService<IWorkingDayCalendar>();
        var issuer = await host.UnitIdAsync("01-COMMITTEE");
        var sxd = await host.UnitIdAsync("01-COMMITTEE-SXD");
        var hoanKiem = await host.UnitIdAsync("00070-COMMITTEE");

        var issued = await IssueAsync(host, """
            [
              {"number": "1", "content": "Hoàn thành phương án giải phóng mặt bằng đường Vành đai 4.", "leadUnit": "01-COMMITTEE-SXD",
               "supportingUnits": ["01-COMMITTEE-STC", "00004-COMMITTEE", "01-COMMITTEE-SXD"], "deadline": "2026-03-20"},
              {"number": "2", "content": "Rà soát các điểm ùn tắc trên địa bàn phường.", "leadUnit": "00070-COMMITTEE", "deadline": 15},
              {"number": "2.1", "content": "Báo cáo kết quả thực hiện hằng tháng.", "leadUnit": "01-COMMITTEE-SXD", "periodic": true, "priority": "Urgent"}
            ]
            """);

        await using (var db = host.Context())
        {
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == issued.InstanceId).OrderBy(t => t.ItemNo).ToListAsync(EngineHost.Cancel);
            Assert.Equal([1, 2, 3], tasks.Select(t => t.ItemNo));
            Assert.All(tasks, t => Assert.Equal("carry-out-item", t.ActivityId));
            Assert.Equal([sxd, hoanKiem, sxd], tasks.Select(t => t.UnitId));
            Assert.Equal(
                [
                    new DateTimeOffset(2026, 3, 20, 17, 0, 0, TimeSpan.FromHours(7)),
                    calendar.AddWorkingDays(now, 15),
                    calendar.AddWorkingDays(now, 30),
                ],
                tasks.Select(t => t.DueAt));
            Assert.Equal(
                [
                    "Nhiệm vụ 1 (Kết luận số 15-KL/TU): Hoàn thành phương án giải phóng mặt bằng đường Vành đai 4.",
                    "Nhiệm vụ 2 (Kết luận số 15-KL/TU): Rà soát các điểm ùn tắc trên địa bàn phường.",
                    "Nhiệm vụ 2.1 (Kết luận số 15-KL/TU): Báo cáo kết quả thực hiện hằng tháng.",
                ],
                tasks.Select(t => t.Title));
            Assert.All(tasks, t => Assert.Equal(issuer, t.AssignerUnitId));

            var supporting = await (from s in db.TaskSupportingUnits
                                    join u in db.Units on s.UnitId equals u.Id
                                    select new { s.TaskId, u.Code }).ToListAsync(EngineHost.Cancel);
            Assert.Equal(["00004-COMMITTEE", "01-COMMITTEE-STC"], supporting.Where(s => s.TaskId == tasks[0].Id).Select(s => s.Code).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(supporting, s => s.TaskId != tasks[0].Id);

            var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == issued.InstanceId && j.Action == "item.assigned")
                .OrderBy(j => j.Id).Select(j => new { j.TaskId, j.Detail }).ToListAsync(EngineHost.Cancel);
            Assert.Equal(["1 → 01-COMMITTEE-SXD", "2 → 00070-COMMITTEE", "2.1 → 01-COMMITTEE-SXD"], journal.Select(j => j.Detail));
            Assert.Equal(tasks.Select(t => (Guid?)t.Id), journal.Select(j => j.TaskId));

            var directive = await db.Directives.AsNoTracking().SingleAsync(d => d.Id == issued.Id, EngineHost.Cancel);
            Assert.Equal(3, JsonNode.Parse(directive.InputsJson)!["items"]!.GetValue<int>());
        }

        var items = await host.QueryAsync(new ListDirectiveItemsQuery(issued.Id, Caller.System));
        Assert.Equal(["1", "2", "2.1"], items.Select(i => i.Number));
        Assert.Equal(["01-COMMITTEE-SXD", "00070-COMMITTEE", "01-COMMITTEE-SXD"], items.Select(i => i.Lead.Code));
        Assert.Equal("Sở Xây dựng Thành phố Hà Nội", items[0].Lead.Name);
        Assert.Equal(["00004-COMMITTEE", "01-COMMITTEE-STC"], items[0].Supporting.Select(s => s.Code).Order(StringComparer.Ordinal));
        Assert.Equal((new DateOnly(2026, 3, 20), (int?)null, false), (items[0].DeadlineDate, items[0].DeadlineDays, items[0].Periodic));
        Assert.Equal(((DateOnly?)null, 15), (items[1].DeadlineDate, items[1].DeadlineDays));
        Assert.Equal((true, DirectivePriority.Urgent), (items[2].Periodic, items[2].Priority));
        Assert.All(items, i => Assert.Equal((UnitTaskStatus.Assigned, TaskCategory.OpenWithinDeadline), (i.Task!.Status, i.Task.Category)));

        // The ward finishes its item; the issuer accepts it; the others stay open until they too are done.
        var ward = Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId), t => t.ItemNo == 2);
        await FlowDriver.CompleteEverythingAsync(host, issued.InstanceId);
        items = await host.QueryAsync(new ListDirectiveItemsQuery(issued.Id, Caller.System));
        Assert.All(items, i => Assert.Equal(UnitTaskStatus.Completed, i.Task!.Status));
        Assert.Equal(ward.Id, items[1].Task!.Id);
        Assert.Equal(WorkflowInstanceStatus.Completed, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_rows_are_refused_each_pinned_to_its_row_and_nothing_is_written(string provider)
    {
        await using var host = await SeededAsync(provider);

        var rows = await Assert.ThrowsAsync<ProblemException>(() => IssueAsync(host, """
            [
              {"content": "  ", "leadUnit": "NOPE"},
              {"content": "Rà soát.", "leadUnit": "00004-COMMITTEE", "supportingUnits": ["ZZZ", "79-COMMITTEE"], "deadline": "2026-02-27"},
              {"number": "2", "content": "Báo cáo.", "leadUnit": "79-COMMITTEE", "deadline": "hôm qua"}
            ]
            """));
        var empty = await Assert.ThrowsAsync<ProblemException>(() => IssueAsync(host, "[]"));
        var late = await Assert.ThrowsAsync<ProblemException>(() => IssueAsync(host, """
            [{"content": "Hoàn thành.", "leadUnit": "00004-COMMITTEE", "deadline": "2026-04-10"},
             {"content": "Rà soát.", "leadUnit": "00004-COMMITTEE", "deadline": 40}]
            """, new DirectiveDocument(null, null, null, null, new DateOnly(2026, 3, 31))));

        FieldErrorAssert.Single(rows, "inputs.items[0].content", ErrorCodes.ItemContentRequired, "1");
        FieldErrorAssert.Single(rows, "inputs.items[0].leadUnit", ErrorCodes.ItemUnknownUnit, "1", "NOPE");
        FieldErrorAssert.Single(rows, "inputs.items[1].supportingUnits[0]", ErrorCodes.ItemUnknownUnit, "2", "ZZZ");
        FieldErrorAssert.Single(rows, "inputs.items[1].supportingUnits[1]", ErrorCodes.ItemUnitOutside, "2", "79-COMMITTEE");
        FieldErrorAssert.Single(rows, "inputs.items[1].deadline", ErrorCodes.ItemDeadlinePassed, "2", "27/02/2026", "02/03/2026");
        FieldErrorAssert.Single(rows, "inputs.items[2].number", ErrorCodes.ItemNumberDuplicate, "2");
        FieldErrorAssert.Single(rows, "inputs.items[2].leadUnit", ErrorCodes.ItemUnitOutside, "2", "79-COMMITTEE");
        FieldErrorAssert.Single(rows, "inputs.items[2].deadline", ErrorCodes.ItemDeadlineInvalid, "2", "hôm qua", 2600);
        Assert.Equal(8, rows.Errors.Count);
        Assert.Equal("Nhiệm vụ 2: hạn 27/02/2026 đã qua (hôm nay là 02/03/2026).", rows.Errors["inputs.items[1].deadline"][0].Text(english: false));
        FieldErrorAssert.Single(empty, "inputs.items", ErrorCodes.ItemsRequired);
        FieldErrorAssert.Single(late, "inputs.items[0].deadline", ErrorCodes.ItemDeadlineAfterDirective, "1", "10/04/2026", "31/03/2026");
        Assert.True(late.Errors.ContainsKey("inputs.items[1].deadline"));

        await using var db = host.Context();
        Assert.Equal(0, await db.Directives.CountAsync(EngineHost.Cancel));
        Assert.Equal(0, await db.DirectiveItems.CountAsync(EngineHost.Cancel));
        Assert.Equal(0, await db.Tasks.CountAsync(EngineHost.Cancel));
    }

    /// <summary>
    /// Regression: at 18:00 an item due that day was accepted (compared as a day, not as its 17:00), born overdue; a
    /// Sunday or a public holiday was accepted as a deadline.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_item_due_today_after_17_00_or_on_a_day_off_is_refused_naming_the_date(string provider)
    {
        await using var host = await SeededAsync(provider);
        await using (var seed = host.Context())
        {
            await global::DirectiveFlow.Infrastructure.Calendar.CalendarSeeder.SeedAsync(seed, 2026, EngineHost.Cancel);
        }

        await host.Services.GetRequiredService<global::DirectiveFlow.Infrastructure.Calendar.DatabaseWorkingDayCalendar>().ReloadAsync(EngineHost.Cancel);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.FromHours(7)));

        var refused = await Assert.ThrowsAsync<ProblemException>(() => IssueAsync(host, """
            [{"content": "Hôm nay.", "leadUnit": "00004-COMMITTEE", "deadline": "2026-03-10"},
             {"content": "Chủ nhật.", "leadUnit": "00004-COMMITTEE", "deadline": "2026-03-15"},
             {"content": "Ngày lễ.", "leadUnit": "00004-COMMITTEE", "deadline": "2026-04-30"}]
            """));

        FieldErrorAssert.Single(refused, "inputs.items[0].deadline", ErrorCodes.ItemDeadlinePassed, "1", "10/03/2026", "10/03/2026");
        FieldErrorAssert.Single(refused, "inputs.items[1].deadline", ErrorCodes.ItemDeadlineNotWorkingDay, "2", "15/03/2026");
        FieldErrorAssert.Single(refused, "inputs.items[2].deadline", ErrorCodes.ItemDeadlineNotWorkingDay, "3", "30/04/2026");
        Assert.Equal(3, refused.Errors.Count);
        Assert.Equal("Nhiệm vụ 2: hạn 15/03/2026 không phải ngày làm việc (ngày nghỉ cuối tuần, lễ, Tết); chọn một ngày làm việc.",
            refused.Errors["inputs.items[1].deadline"][0].Text(english: false));

        var issued = await IssueAsync(host, """[{"content": "Ngày mai.", "leadUnit": "00004-COMMITTEE", "deadline": "2026-03-11"}]""");
        await using var db = host.Context();
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 17, 0, 0, TimeSpan.FromHours(7)),
            await db.Tasks.Where(t => t.InstanceId == issued.InstanceId).Select(t => t.DueAt).SingleAsync(EngineHost.Cancel));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_national_body_gives_items_to_units_of_any_province(string provider)
    {
        await using var host = await SeededAsync(provider);
        await using (var db = host.Context())
        {
            var country = new Locality { Id = Guid.NewGuid(), Code = "VN", Name = "Trung ương", Type = LocalityType.Country };
            db.Localities.Add(country);
            db.Units.Add(TestOrganisation.Unit(country, Pillar.Committee, UnitLevel.National, null, "Chính phủ"));
            await db.SaveChangesAsync(EngineHost.Cancel);
        }

        var issued = await host.SendAsync(new IssueDirectiveCommand("20/CT-TTg", "Về các điểm nghẽn", "", DirectivePriority.Normal,
            await host.UnitIdAsync("VN-COMMITTEE"), Flow, new JsonObject
            {
                ["items"] = JsonNode.Parse("""
                    [{"content": "Hà Nội rà soát.", "leadUnit": "01-COMMITTEE"},
                     {"content": "Thành phố Hồ Chí Minh rà soát.", "leadUnit": "79-COMMITTEE", "supportingUnits": ["01-COMMITTEE-SXD"]}]
                    """),
            }, "issuer", Caller.System));

        var items = await host.QueryAsync(new ListDirectiveItemsQuery(issued.Id, Caller.System));
        Assert.Equal(["01-COMMITTEE", "79-COMMITTEE"], items.Select(i => i.Lead.Code));
        Assert.All(items, i => Assert.NotNull(i.Task));
    }

    /// <summary>
    /// Regression: a flow whose item branch re-cascades (the lead plans, then gives its communes the work) gave a unit
    /// leading two items only the first item's nested work: the communes' tasks were one per (instance, activity, unit),
    /// so the second item's run found them given and counted them as another run's. Each item's nested run now gives its
    /// own tasks, titled with the item, due no later than the item's date, without the item's supporting units (those are
    /// the lead's), and the item's row still shows its lead's task.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_leading_two_items_gives_its_communes_each_items_own_work(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(NestedItemsFlow);
        var issued = await host.SendAsync(new IssueDirectiveCommand("15-KL/TU", "Về đẩy mạnh giải quyết 5 điểm nghẽn", "", DirectivePriority.Normal,
            await host.UnitIdAsync("01-COMMITTEE"), "items-nested", new JsonObject
            {
                ["items"] = JsonNode.Parse("""
                    [{"number": "1", "content": "Giải phóng mặt bằng.", "leadUnit": "01-COMMITTEE-SXD", "supportingUnits": ["01-COMMITTEE-STC"], "deadline": "2026-03-06"},
                     {"number": "2", "content": "Rà soát điểm ùn tắc.", "leadUnit": "01-COMMITTEE-SXD", "deadline": 20}]
                    """),
            }, "issuer", Caller.System, DocumentType.Conclusion));
        var plans = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "plan");
        Assert.Equal([1, 2], plans.Select(t => t.ItemNo).Order());
        foreach (var plan in plans.OrderBy(t => t.ItemNo))
        {
            await host.SendAsync(new ResumeTaskCommand(plan.Id, "Done", "officer"));
        }

        await using (var db = host.Context())
        {
            var communes = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Commune && u.Pillar == Pillar.Committee)
                .Select(u => u.Id).ToListAsync(EngineHost.Cancel);
            var carry = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == issued.InstanceId && t.ActivityId == "carry").ToListAsync(EngineHost.Cancel);
            Assert.Equal(10, communes.Count);
            foreach (var itemNo in new[] { 1, 2 })
            {
                var mine = carry.Where(t => t.ItemNo == itemNo).ToList();
                Assert.Equal(communes.Order(), mine.Select(t => t.UnitId).Order());
                Assert.All(mine, t => Assert.StartsWith($"Phường, xã thực hiện Nhiệm vụ {itemNo}: ", t.Title));
            }

            // The activity's 5 working days, and for item 1 no later than its 6 March.
            Assert.All(carry.Where(t => t.ItemNo == 1), t => Assert.Equal(new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.FromHours(7)), t.DueAt));
            Assert.All(carry.Where(t => t.ItemNo == 2), t => Assert.True(t.DueAt > new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.FromHours(7))));
            var carryIds = carry.Select(t => t.Id).ToList();
            Assert.False(await db.TaskSupportingUnits.AnyAsync(s => carryIds.Contains(s.TaskId), EngineHost.Cancel));
            Assert.Equal(2, await db.Journal.CountAsync(j => j.InstanceId == issued.InstanceId && j.Action == "item.assigned", EngineHost.Cancel));
            Assert.Equal(0, await db.Journal.CountAsync(j => j.InstanceId == issued.InstanceId && j.Action == "branch.given", EngineHost.Cancel));
        }

        var items = await host.QueryAsync(new ListDirectiveItemsQuery(issued.Id, Caller.System));
        Assert.Equal(plans.OrderBy(t => t.ItemNo).Select(t => t.Id), items.Select(i => i.Task!.Id));
        await FlowDriver.CompleteEverythingAsync(host, issued.InstanceId);
        Assert.Equal(WorkflowInstanceStatus.Completed, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
    }

    private const string NestedItemsFlow = """
        {
          "id": "items-nested", "name": "Kết luận, sở giao tiếp phường, xã",
          "inputs": [{"name": "items", "type": "items", "label": "Các nhiệm vụ", "required": true}],
          "activities": [
            {"id": "start", "type": "Start", "properties": {}},
            {"id": "items", "type": "Cascade", "properties": {"targets": {"items": "items"}, "completion": {"mode": "all"}}},
            {"id": "plan", "type": "UnitTask", "properties": {"title": "{{item.label}}: {{item.content}}", "deadline": {"workingDays": 30}}},
            {"id": "communes", "type": "Cascade", "properties": {"targets": {"counterpartsOf": "branch"}, "completion": {"mode": "all"}}},
            {"id": "carry", "type": "UnitTask", "properties": {"title": "Phường, xã thực hiện {{item.label}}: {{item.content}}", "deadline": {"workingDays": 5}}},
            {"id": "end", "type": "End", "properties": {}}
          ],
          "connections": [
            {"source": "start", "outcome": "Done", "target": "items"},
            {"source": "items", "outcome": "Each", "target": "plan"},
            {"source": "plan", "outcome": "Done", "target": "communes"},
            {"source": "communes", "outcome": "Each", "target": "carry"},
            {"source": "items", "outcome": "Done", "target": "end"}
          ]
        }
        """;

    private static async Task<IssueDirectiveResult> IssueAsync(EngineHost host, string items, DirectiveDocument? document = null) =>
        await host.SendAsync(new IssueDirectiveCommand("15-KL/TU", "Về đẩy mạnh giải quyết 5 điểm nghẽn", "", DirectivePriority.Normal,
            await host.UnitIdAsync("01-COMMITTEE"), Flow, new JsonObject { ["items"] = JsonNode.Parse(items) }, "issuer", Caller.System,
            DocumentType.Conclusion, document));

    /// <summary>Hà Nội with ten communes, two of the city committee's departments, and one unit of another province.</summary>
    private static async Task<EngineHost> SeededAsync(string provider)
    {
        var host = await EngineHost.CreateAsync(provider);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 10);
            var committee = await db.Units.SingleAsync(u => u.Code == "01-COMMITTEE", EngineHost.Cancel);
            foreach (var (suffix, name) in new[] { ("SXD", "Sở Xây dựng Thành phố Hà Nội"), ("STC", "Sở Tài chính Thành phố Hà Nội") })
            {
                db.Units.Add(new OrgUnit
                {
                    Id = Guid.NewGuid(), Code = $"01-COMMITTEE-{suffix}", Name = name, Pillar = Pillar.Committee, Level = UnitLevel.SubUnit,
                    Kind = OrgUnitKind.Department, ParentId = committee.Id, LocalityId = committee.LocalityId, LocalityCode = "01",
                });
            }

            var hcm = new Locality { Id = Guid.NewGuid(), Code = "79", Name = "Thành phố Hồ Chí Minh", Type = LocalityType.Province };
            db.Localities.Add(hcm);
            db.Units.Add(TestOrganisation.Unit(hcm, Pillar.Committee, UnitLevel.Province, null, "UBND Thành phố Hồ Chí Minh"));
            await db.SaveChangesAsync(EngineHost.Cancel);
        }

        await host.PublishShippedAsync(Flow);
        return host;
    }
}
