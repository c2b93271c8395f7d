using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Publishing;

namespace DirectiveFlow.Core.Tests.Workflows.Publishing;

public sealed class WorkflowDiffTests
{
    private static WorkflowDefinition Party() => WorkflowDefinitionSerializer.Deserialize(ShippedWorkflows.Read("party-conclusion.json"));

    private static IReadOnlyList<WorkflowChange> Diff(WorkflowDefinition before, WorkflowDefinition after) =>
        WorkflowDiff.Compare(before, after, ActivityCatalog.BuiltIn);

    [Fact]
    public void The_same_definition_moved_on_the_canvas_has_no_changes()
    {
        var after = Party();
        after.Activities[2].Position = new Position(999, 999);

        Assert.Empty(Diff(Party(), after));
    }

    [Fact]
    public void A_changed_deadline_is_one_property_change_worded_by_its_label_and_values()
    {
        var after = Party();
        after.Activities.Single(a => a.Id == "action-plan").Properties["deadline"] = new JsonObject { ["workingDays"] = 25 };

        var change = Assert.Single(Diff(Party(), after));

        Assert.Equal((WorkflowChangeKind.PropertyChanged, "action-plan"), (change.Kind, change.Subject));
        Assert.Equal("Bước «Xây dựng kế hoạch hành động» (action-plan): Thời hạn: 5 ngày làm việc → 25 ngày làm việc", change.Describe(english: false));
        Assert.Equal("Step «Xây dựng kế hoạch hành động» (action-plan): Deadline: 5 working days → 25 working days", change.Describe(english: true));
    }

    [Fact]
    public void Added_and_removed_activities_and_connections_are_named_with_ports_in_words()
    {
        var after = Party();
        after.Activities.RemoveAll(a => a.Id == "summary");
        after.Connections.RemoveAll(c => c.Source == "summary" || c.Target == "summary");
        after.Activities.Add(new ActivityDefinition { Id = "wait", Type = "Delay", Name = "Chờ tổng hợp", Properties = new() { ["deadline"] = new JsonObject { ["workingDays"] = 2 } } });
        after.Connections.Add(new ConnectionDefinition { Source = "city-pillars", Outcome = "Done", Target = "wait" });
        after.Connections.Add(new ConnectionDefinition { Source = "wait", Outcome = "Done", Target = "end" });

        var changes = Diff(Party(), after);
        var text = changes.Select(c => c.Describe(english: false)).ToList();

        Assert.Equal(
            [WorkflowChangeKind.ActivityAdded, WorkflowChangeKind.ActivityRemoved, WorkflowChangeKind.ConnectionAdded, WorkflowChangeKind.ConnectionAdded,
             WorkflowChangeKind.ConnectionRemoved, WorkflowChangeKind.ConnectionRemoved],
            changes.Select(c => c.Kind));
        Assert.Contains("Thêm bước «Chờ tổng hợp» (wait) (Chờ)", text);
        Assert.Contains("Bỏ bước «Thông báo hoàn thành cho Thành ủy» (summary) (Gửi thông báo)", text);
        Assert.Contains("Thêm nối từ «Giao các cơ quan cấp Thành phố (4 trục)» (city-pillars), cổng Xong, đến «Chờ tổng hợp» (wait)", text);
        Assert.Contains("Bỏ nối từ «Thông báo hoàn thành cho Thành ủy» (summary), cổng Xong, đến «Kết thúc» (end)", text);
        Assert.DoesNotContain(changes, c => c.Describe(english: false).Contains("Done", StringComparison.Ordinal));
    }

    [Fact]
    public void Renames_issuers_and_inputs_are_reported()
    {
        var after = Party();
        after.Name = "Kết luận, bản mới";
        after.Issuers = null;
        after.Inputs[0].Required = false;
        after.Inputs.Add(new WorkflowInput { Name = "priority", Type = "string", Label = "Mức ưu tiên" });
        after.Activities.Single(a => a.Id == "end").Name = "Hoàn tất";

        var changes = Diff(Party(), after);
        var english = changes.Select(c => c.Describe(english: true)).ToList();

        Assert.Contains("Flow name: «Triển khai kết luận của Thành ủy» → «Kết luận, bản mới»", english);
        Assert.Contains(english, e => e.StartsWith("Who may issue: pillar Party", StringComparison.Ordinal) && e.EndsWith("→ any unit", StringComparison.Ordinal));
        Assert.Contains("Input «Số ngày làm việc để phường, xã tổ chức thực hiện» (deadlineDays): required: yes → no", english);
        Assert.Contains("Input «Mức ưu tiên» (priority) added", english);
        Assert.Contains("Step «Hoàn tất» (end): name «Kết thúc» → «Hoàn tất»", english);
    }

    [Fact]
    public void Against_no_published_version_every_activity_and_connection_is_new()
    {
        var draft = Party();

        var changes = WorkflowDiff.Compare(null, draft, ActivityCatalog.BuiltIn);

        Assert.Equal(draft.Activities.Count, changes.Count(c => c.Kind == WorkflowChangeKind.ActivityAdded));
        Assert.Equal(draft.Connections.Count, changes.Count(c => c.Kind == WorkflowChangeKind.ConnectionAdded));
        Assert.Equal(draft.Inputs.Count, changes.Count(c => c.Kind == WorkflowChangeKind.InputAdded));
        Assert.DoesNotContain(changes, c => c.Kind is WorkflowChangeKind.FlowRenamed or WorkflowChangeKind.IssuersChanged);
    }

    [Fact]
    public void Both_languages_word_every_kind_of_change()
    {
        Assert.Equal(ChangeWords.Vi.Keys.Order(StringComparer.Ordinal), ChangeWords.En.Keys.Order(StringComparer.Ordinal));
        Assert.All(Enum.GetNames<WorkflowChangeKind>(), kind => Assert.True(ChangeWords.Vi.ContainsKey("Change." + kind), kind));
    }

    [Theory]
    [InlineData(null, "workflow-change-note-required")]
    [InlineData("   ", "workflow-change-note-required")]
    [InlineData("Đổi thời hạn xây dựng kế hoạch", null)]
    public void A_change_note_is_required(string? note, string? code) => Assert.Equal(code, ChangeNote.Check(note)?.Code);

    [Fact]
    public void A_change_note_has_at_most_a_thousand_characters()
    {
        Assert.Null(ChangeNote.Check(new string('a', ChangeNote.MaxLength)));
        Assert.Equal("workflow-change-note-too-long", ChangeNote.Check(new string('a', ChangeNote.MaxLength + 1))?.Code);
    }

    [Theory]
    [InlineData("Done", false, "Xong")]
    [InlineData("Each", true, "Each unit")]
    [InlineData("Returned", false, "Trả lại")]
    [InlineData("Escalated", false, "Escalated")]
    public void Ports_read_in_words_and_an_authored_outcome_as_written(string outcome, bool english, string expected) =>
        Assert.Equal(expected, PortWords.Of(outcome, english));

    [Fact]
    public void A_notify_summary_names_its_recipient_in_words()
    {
        var notify = ActivityCatalog.BuiltIn.HandlerOf("Notify");

        Assert.Equal("Gửi: đơn vị ban hành", notify.Summary(new JsonObject { ["to"] = "issuer" }).Vi);
        Assert.Equal("To: everyone with the role issuer", notify.Summary(new JsonObject { ["to"] = "role:Issuer" }).En);
    }
}
