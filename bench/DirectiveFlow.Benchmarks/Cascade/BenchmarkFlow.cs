namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>The Hà Nội scale's definition: one Cascade to the issuer's province's pillar units of one level, a task each, reviewed.</summary>
public static class BenchmarkFlow
{
    public const string Id = "national-cascade";

    public static string Json(string levels) => $$$"""
        {
          "id": "{{{Id}}}-{{{levels}}}", "name": "Triển khai toàn quốc", "inputs": [{"name": "deadlineDays", "type": "number", "required": true, "default": 10}],
          "activities": [
            {"id": "start", "type": "Start", "properties": {}},
            {"id": "all-communes", "type": "Cascade", "properties": {"targets": {"levels": ["{{{levels}}}"], "kinds": ["pillar"]}, "completion": {"mode": "all"} } },
            {"id": "carry-out", "type": "UnitTask", "properties": {"title": "Tổ chức thực hiện {{directive.number}} tại {{unit.name}}",
              "instructions": "Báo cáo tiến độ hằng tuần.", "deadline": {"input": "deadlineDays"}, "cadence": "weekly", "reminders": {"beforeWorkingDays": [3, 1]} } },
            {"id": "review", "type": "Review", "properties": {}},
            {"id": "end", "type": "End", "properties": {}}
          ],
          "connections": [
            {"source": "start", "outcome": "Done", "target": "all-communes"},
            {"source": "all-communes", "outcome": "Each", "target": "carry-out"},
            {"source": "carry-out", "outcome": "Done", "target": "review"},
            {"source": "review", "outcome": "Returned", "target": "carry-out"},
            {"source": "review", "outcome": "Accepted", "target": "end"}
          ]
        }
        """;
}
