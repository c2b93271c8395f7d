using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Web.Components.Directives.Items;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DirectiveFlow.Web.Tests.Components.Directives.Items;

public sealed class ItemEditorFormTests
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["01-COMMITTEE-SXD"] = "Sở Xây dựng Thành phố Hà Nội",
        ["00004-COMMITTEE"] = "Ủy ban nhân dân phường Ba Đình",
    };

    [Fact]
    public void Posted_rows_are_read_in_order_units_shown_by_name_back_to_codes_and_picks_replacing_the_words()
    {
        var proposal = new ProposedItem("3", "", new UnitProposal("Ba Đình", "00004-COMMITTEE", "UBND phường Ba Đình", 0.25, []), [], new ProposedDeadline(DeadlineKind.Periodic, null, "thường xuyên"), ["unit-ambiguous"]);
        var form = Form(
            ("items[0].number", "1"), ("items[0].content", "Hoàn thành phương án"), ("items[0].lead", "Sở Xây dựng Thành phố Hà Nội"),
            ("items[0].units", "01-COMMITTEE-SXD=Sở Xây dựng Thành phố Hà Nội;00070-FRONT=Ủy ban MTTQ phường Hoàn Kiếm"),
            ("items[0].supporting", "Sở TC, Ủy ban MTTQ phường Hoàn Kiếm, Sở TC"), ("items[0].supportingPick", "Sở TC|01-COMMITTEE-STC"), ("items[0].deadline", "15/12/2026"),
            ("items[0].priority", "Urgent"),
            ("items[1].number", "3"), ("items[1].content", "Báo cáo tiến độ"), ("items[1].lead", "00004-COMMITTEE"), ("items[1].pick", "00004-PARTY"),
            ("items[1].periodic", "true"), ("items[1].proposal", ItemEditorForm.ProposalJson(proposal)),
            ("items[3].content", "not read: row 2 is missing"));

        var rows = ItemEditorForm.Read(form);

        Assert.Equal(2, rows.Count);
        Assert.Equal(("1", "01-COMMITTEE-SXD", "01-COMMITTEE-STC, 00070-FRONT", "15/12/2026", DirectivePriority.Urgent, false),
            (rows[0].Number, rows[0].Lead, rows[0].Supporting, rows[0].Deadline, rows[0].Priority, rows[0].Periodic));
        Assert.Equal(("00004-PARTY", true, true), (rows[1].Lead, rows[1].Chosen, rows[1].Periodic));
        Assert.Equal(("Ba Đình", "00004-COMMITTEE", 0.25), (rows[1].Proposal?.Lead?.Text, rows[1].Proposal?.Lead?.Code, rows[1].Proposal?.Lead?.Confidence));
        Assert.Equal(["unit-ambiguous"], rows[1].Proposal!.Warnings);
        Assert.False(rows[1].NeedsChoice);
    }

    [Fact]
    public void An_unsure_lead_left_as_proposed_blocks_issuing_on_its_row_and_so_do_empty_content_and_a_bad_date()
    {
        var unsure = ItemRow.From(new ProposedItem("3", "Báo cáo", new UnitProposal("Ba Đình", "00004-COMMITTEE", "UBND phường Ba Đình", 0.25,
            [new UnitChoice("00004-COMMITTEE", "UBND"), new UnitChoice("00004-PARTY", "Đảng ủy")]), [], new ProposedDeadline(DeadlineKind.None, null, null), []));
        var rows = new List<ItemRow>
        {
            new() { Content = "", Lead = "01-COMMITTEE-SXD", Deadline = "31/02/2027" },
            unsure,
            new() { Content = "Việc", Lead = "KHÔNG-CÓ", Supporting = "00004-COMMITTEE, các phường liên quan", Deadline = "20" },
        };

        var errors = ItemEditorForm.Check("inputs.items", rows, Names).ToList();

        Assert.True(unsure.NeedsChoice);
        Assert.Equal(
        [
            ("inputs.items[0].content", "Items.ContentRequired"), ("inputs.items[0].deadline", "Items.DeadlineInvalid"),
            ("inputs.items[1].leadUnit", "Items.LeadChoose"), ("inputs.items[2].leadUnit", "Items.LeadUnknown"),
            ("inputs.items[2].supportingUnits[1]", "Items.SupportingUnknown"),
        ], errors);
        unsure.Chosen = true;
        Assert.DoesNotContain(ItemEditorForm.Check("inputs.items", rows, Names), e => e.Key == "inputs.items[1].leadUnit");
        Assert.Equal([("inputs.items", "Items.Required")], ItemEditorForm.Check("inputs.items", [], Names));
    }

    [Fact]
    public void Rows_become_the_commands_items_with_a_date_working_days_or_periodic()
    {
        var rows = new List<ItemRow>
        {
            new() { Number = "1", Content = "A", Lead = "01-COMMITTEE-SXD", Supporting = "01-COMMITTEE-STC; 00070-FRONT", Deadline = "5/1/2027", Priority = DirectivePriority.Urgent },
            new() { Content = "B", Lead = "00004-COMMITTEE", Deadline = "30" },
            new() { Number = "2.a", Content = "C", Lead = "00004-COMMITTEE", Deadline = "15/12/2026", Periodic = true },
        };

        var json = ItemEditorForm.ToJson(rows).ToJsonString();

        Assert.Equal(
            """[{"content":"A","leadUnit":"01-COMMITTEE-SXD","number":"1","supportingUnits":["01-COMMITTEE-STC","00070-FRONT"],"deadline":"2027-01-05","priority":"Urgent"},"""
            + """{"content":"B","leadUnit":"00004-COMMITTEE","deadline":30},{"content":"C","leadUnit":"00004-COMMITTEE","number":"2.a","periodic":true}]""",
            json);
    }

    [Theory]
    [InlineData("add", "A,B,C,")]
    [InlineData("up:1", "B,A,C")]
    [InlineData("up:0", "A,B,C")]
    [InlineData("down:1", "A,C,B")]
    [InlineData("down:2", "A,B,C")]
    [InlineData("remove:0", "B,C")]
    [InlineData("remove:9", "A,B,C")]
    [InlineData("find", "A,B,C")]
    public void Row_buttons_add_move_and_remove_rows_and_ignore_what_is_out_of_range(string op, string expected)
    {
        var rows = new List<ItemRow> { new() { Content = "A" }, new() { Content = "B" }, new() { Content = "C" } };

        ItemEditorForm.Apply(rows, op);

        Assert.Equal(expected, string.Join(",", rows.Select(r => r.Content)));
    }

    [Fact]
    public void A_proposal_fills_a_row_with_codes_the_day_dd_MM_yyyy_and_words_where_nothing_matched()
    {
        var row = ItemRow.From(new ProposedItem("2", "Vận động người dân", new UnitProposal("UBND phuong Hoan Kiem", "00070-COMMITTEE", "UBND phường Hoàn Kiếm", 0.81, []),
            [new UnitProposal("Ủy ban MTTQ phường Hoàn Kiếm", "00070-FRONT", "MTTQ", 1, []), new UnitProposal("các phường liên quan", null, null, 0, [])],
            new ProposedDeadline(DeadlineKind.Quarter, new DateOnly(2027, 3, 31), "trong quý I/2027"), ["unit-group"]));

        Assert.Equal(("2", "00070-COMMITTEE", "00070-FRONT, các phường liên quan", "31/03/2027", false), (row.Number, row.Lead, row.Supporting, row.Deadline, row.Periodic));
        Assert.Equal("", row.Proposal!.Content);
        Assert.False(row.NeedsChoice);
    }

    [Fact]
    public void A_row_shows_its_units_by_name_and_carries_their_codes_beside_them()
    {
        var row = new ItemRow { Lead = "01-COMMITTEE-SXD", Supporting = "00004-COMMITTEE, Sở TC" };

        Assert.Equal("01-COMMITTEE-SXD=Sở Xây dựng Thành phố Hà Nội;00004-COMMITTEE=Ủy ban nhân dân phường Ba Đình", ItemEditorForm.UnitsField(row, Names));
        Assert.Equal(("Sở Xây dựng Thành phố Hà Nội", "Sở TC"), (ItemEditorForm.Shown(row.Lead, Names), ItemEditorForm.Shown("Sở TC", Names)));
    }

    private static FormCollection Form(params (string Key, string Value)[] fields) =>
        new(fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => new StringValues(g.Select(f => f.Value).ToArray())));
}
