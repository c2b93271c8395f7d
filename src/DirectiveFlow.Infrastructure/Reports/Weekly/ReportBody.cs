using System.Text.Json.Serialization;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// Who issues the report, as its header shows it (DOMAIN: thể thức): <see cref="Superior"/> above <see cref="Name"/> top
/// left (capitals), and top right either the Party's "ĐẢNG CỘNG SẢN VIỆT NAM" (<see cref="Layout"/> "party", a Party
/// committee) or the national motto ("state": state bodies and the Front); then "<see cref="Place"/>, ngày … tháng … năm …".
/// </summary>
public sealed record ReportBody(string Layout, string? Superior, string Name, string Place)
{
    public const string PartyLayout = "party";
    public const string StateLayout = "state";

    [JsonIgnore]
    public bool IsParty => Layout == PartyLayout;
}
