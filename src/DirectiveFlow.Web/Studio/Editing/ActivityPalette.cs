using System.Text.Json.Nodes;

namespace DirectiveFlow.Web.Studio.Editing;

/// <summary>The palette's entries: each engine activity with its Vietnamese label and sensible starting properties.</summary>
public static class ActivityPalette
{
    public sealed record Entry(string Type, string Label, string Hint, Func<JsonObject> Defaults);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new("Start", "Bắt đầu", "Điểm bắt đầu (một mỗi quy trình)", () => []),
        new("UnitTask", "Nhiệm vụ đơn vị", "Một đơn vị chủ trì thực hiện, có hạn xử lý", () => new JsonObject
        {
            ["title"] = "Thực hiện {{directive.title}}",
            ["deadline"] = new JsonObject { ["workingDays"] = 5 },
        }),
        new("Cascade", "Triển khai xuống", "Mỗi đơn vị đích chạy nhánh Each", () => new JsonObject
        {
            ["targets"] = new JsonObject { ["counterpartsOf"] = "issuer" },
            ["completion"] = new JsonObject { ["mode"] = "all" },
        }),
        new("Review", "Xem xét", "Đơn vị giao nhận hoặc trả lại", () => []),
        new("Decision", "Rẽ nhánh", "Điều kiện JavaScript", () => new JsonObject { ["condition"] = "inputs.priority === 'Urgent'" }),
        new("Delay", "Chờ", "Chờ theo ngày làm việc hoặc thời lượng", () => new JsonObject
        {
            ["deadline"] = new JsonObject { ["workingDays"] = 1 },
        }),
        new("Notify", "Gửi thư", "Thư điện tử đến đơn vị hoặc vai trò", () => new JsonObject
        {
            ["to"] = "unitHead",
            ["subject"] = "{{directive.number}}: {{directive.title}}",
            ["body"] = "Kính gửi {{unit.name}},",
        }),
        new("End", "Kết thúc", "Kết thúc nhánh hoặc quy trình", () => []),
    ];

    public static Entry? Find(string type) => Entries.FirstOrDefault(e => e.Type == type);

    public static string LabelOf(string type) => Find(type)?.Label ?? type;
}
