namespace DirectiveFlow.Core.Workflows.Activities.Words;

/// <summary>
/// The Vietnamese words of the built-in activity types (the default language): names and descriptions
/// (<c>&lt;Type&gt;.Name</c>, <c>.Description</c>), field labels (<c>&lt;Type&gt;.&lt;field&gt;</c>, shared ones
/// <c>Field.&lt;field&gt;</c>) and summary pieces (<c>Summary.*</c>).
/// </summary>
public static class ActivityWordsVi
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Start.Name"] = "Bắt đầu",
        ["Start.Description"] = "Điểm bắt đầu của quy trình.",
        ["UnitTask.Name"] = "Nhiệm vụ đơn vị",
        ["UnitTask.Description"] = "Giao nhiệm vụ cho một đơn vị chủ trì, có đơn vị phối hợp và thời hạn.",
        ["UnitTask.title"] = "Tên nhiệm vụ",
        ["UnitTask.lead"] = "Đơn vị chủ trì",
        ["UnitTask.supporting"] = "Đơn vị phối hợp",
        ["UnitTask.deadline"] = "Thời hạn",
        ["UnitTask.outcomes"] = "Kết quả",
        ["UnitTask.cadence"] = "Chế độ báo cáo tiến độ",
        ["UnitTask.reminders"] = "Nhắc hạn",
        ["UnitTask.escalation"] = "Đôn đốc, báo cáo vượt cấp",
        ["UnitTask.allowCompleteBeforeSubCascade"] = "Cho phép hoàn thành trước khi cấp dưới xong",
        ["Cascade.Name"] = "Triển khai xuống đơn vị",
        ["Cascade.Description"] = "Tạo một nhánh cho mỗi đơn vị được chọn; nhánh chạy phần thân nối từ cổng Each.",
        ["Cascade.targets"] = "Đơn vị nhận",
        ["Cascade.completion"] = "Điều kiện hoàn thành",
        ["Cascade.narrowable"] = "Người ban hành được chọn đơn vị nhận",
        ["Review.Name"] = "Xem xét, đánh giá",
        ["Review.Description"] = "Đơn vị giao nhiệm vụ chấp nhận kết quả hoặc trả lại để làm lại.",
        ["Decision.Name"] = "Rẽ nhánh theo điều kiện",
        ["Decision.Description"] = "Điều kiện JavaScript quyết định đi nhánh Đúng hay Sai.",
        ["Decision.condition"] = "Điều kiện",
        ["Delay.Name"] = "Chờ",
        ["Delay.Description"] = "Chờ một số ngày làm việc hoặc một khoảng thời gian.",
        ["Delay.deadline"] = "Thời gian chờ",
        ["Notify.Name"] = "Gửi thông báo",
        ["Notify.Description"] = "Gửi thư điện tử đến đơn vị hoặc vai trò.",
        ["Notify.to"] = "Người nhận",
        ["Notify.subject"] = "Tiêu đề",
        ["Notify.body"] = "Nội dung",
        ["End.Name"] = "Kết thúc",
        ["End.Description"] = "Kết thúc nhánh hoặc quy trình.",
        ["Field.instructions"] = "Hướng dẫn",
        ["Summary.WorkingDays"] = "{0} ngày làm việc",
        ["Summary.FromInput"] = "theo đầu vào {0}",
        ["Summary.NoDeadline"] = "chưa có thời hạn",
        ["Summary.AllUnits"] = "tất cả đơn vị",
        ["Summary.CounterpartsOf"] = "đơn vị tương ứng của {0}",
        ["Summary.ChildrenOf"] = "đơn vị trực thuộc {0}",
        ["Summary.UnitCount"] = "{0} đơn vị",
        ["Summary.To"] = "Gửi: {0}",
    };
}
