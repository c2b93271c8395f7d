using DirectiveFlow.Core.Workflows.Activities.Words;

namespace DirectiveFlow.Core.Workflows.Publishing;

/// <summary>
/// The words of a diff, one catalogue per language: <c>Change.&lt;kind&gt;</c> sentences with {0} the subject,
/// {1} the property, {2} before and {3} after; <c>Value.*</c> for empty, yes and no.
/// </summary>
public static class ChangeWords
{
    public static readonly IReadOnlyDictionary<string, string> Vi = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Change.FlowRenamed"] = "Tên quy trình: {2} → {3}",
        ["Change.DescriptionChanged"] = "Mô tả quy trình: {2} → {3}",
        ["Change.IssuersChanged"] = "Đơn vị được ban hành: {2} → {3}",
        ["Change.PoliciesChanged"] = "Chính sách chung của quy trình đã thay đổi",
        ["Change.InputAdded"] = "Thêm đầu vào {0}",
        ["Change.InputRemoved"] = "Bỏ đầu vào {0}",
        ["Change.InputChanged"] = "Đầu vào {0}: {1}: {2} → {3}",
        ["Change.ActivityAdded"] = "Thêm bước {0} ({3})",
        ["Change.ActivityRemoved"] = "Bỏ bước {0} ({2})",
        ["Change.ActivityRenamed"] = "Bước {0}: tên {2} → {3}",
        ["Change.ActivityTypeChanged"] = "Bước {0}: loại {2} → {3}",
        ["Change.PropertyChanged"] = "Bước {0}: {1}: {2} → {3}",
        ["Change.ConnectionAdded"] = "Thêm nối từ {0}, cổng {1}, đến {3}",
        ["Change.ConnectionRemoved"] = "Bỏ nối từ {0}, cổng {1}, đến {2}",
        ["Value.Empty"] = "(trống)",
        ["Value.Yes"] = "có",
        ["Value.No"] = "không",
        ["Value.AnyUnit"] = "mọi đơn vị",
        ["Input.type"] = "kiểu",
        ["Input.label"] = "nhãn",
        ["Input.required"] = "bắt buộc",
        ["Input.default"] = "giá trị mặc định",
    };

    public static readonly IReadOnlyDictionary<string, string> En = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Change.FlowRenamed"] = "Flow name: {2} → {3}",
        ["Change.DescriptionChanged"] = "Flow description: {2} → {3}",
        ["Change.IssuersChanged"] = "Who may issue: {2} → {3}",
        ["Change.PoliciesChanged"] = "The flow-wide policies changed",
        ["Change.InputAdded"] = "Input {0} added",
        ["Change.InputRemoved"] = "Input {0} removed",
        ["Change.InputChanged"] = "Input {0}: {1}: {2} → {3}",
        ["Change.ActivityAdded"] = "Step {0} added ({3})",
        ["Change.ActivityRemoved"] = "Step {0} removed ({2})",
        ["Change.ActivityRenamed"] = "Step {0}: name {2} → {3}",
        ["Change.ActivityTypeChanged"] = "Step {0}: type {2} → {3}",
        ["Change.PropertyChanged"] = "Step {0}: {1}: {2} → {3}",
        ["Change.ConnectionAdded"] = "Connection added from {0}, port {1}, to {3}",
        ["Change.ConnectionRemoved"] = "Connection removed from {0}, port {1}, to {2}",
        ["Value.Empty"] = "(empty)",
        ["Value.Yes"] = "yes",
        ["Value.No"] = "no",
        ["Value.AnyUnit"] = "any unit",
        ["Input.type"] = "type",
        ["Input.label"] = "label",
        ["Input.required"] = "required",
        ["Input.default"] = "default value",
    };

    public static ActivityWordBook Book { get; } = new(Vi, En);
}
