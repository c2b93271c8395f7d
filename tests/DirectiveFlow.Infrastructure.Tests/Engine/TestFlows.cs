namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>Small definitions that isolate one activity type each.</summary>
public static class TestFlows
{
    /// <summary>A cascade over <paramref name="targets"/> (a selector), each branch one task, then a closing task.</summary>
    public static string Cascade(string targets, string completion = """{"mode": "all"}""", string id = "wide") => $$$"""
        {
          "id": "{{{id}}}", "name": "Cascade test", "inputs": [],
          "activities": [
            {"id": "start", "type": "Start", "properties": {}},
            {"id": "fan-out", "type": "Cascade", "properties": {"targets": {{{targets}}}, "completion": {{{completion}}} }},
            {"id": "work", "type": "UnitTask", "properties": {"title": "Thực hiện tại {{unit.name}}", "deadline": {"workingDays": 5} } },
            {"id": "after", "type": "UnitTask", "properties": {"title": "Tổng hợp", "lead": {"units": ["01-PARTY"]}, "deadline": {"workingDays": 2} } },
            {"id": "end", "type": "End", "properties": {}}
          ],
          "connections": [
            {"source": "start", "outcome": "Done", "target": "fan-out"},
            {"source": "fan-out", "outcome": "Each", "target": "work"},
            {"source": "fan-out", "outcome": "Done", "target": "after"},
            {"source": "after", "outcome": "Done", "target": "end"}
          ]
        }
        """;

    /// <summary>Decision on priority: urgent → Notify → Delay → task; otherwise straight to the task.</summary>
    public static string DecisionNotifyDelay(string condition = "inputs.priority === 'Urgent'") => $$$"""
        {
          "id": "urgent-route", "name": "Decision, Notify, Delay", "inputs": [],
          "activities": [
            {"id": "start", "type": "Start", "properties": {}},
            {"id": "is-urgent", "type": "Decision", "properties": {"condition": "{{{condition}}}"}},
            {"id": "alert", "type": "Notify", "properties": {"to": "unitHead", "subject": "Khẩn: {{directive.number}}", "body": "Văn bản {{directive.title}} cần xử lý ngay."}},
            {"id": "wait", "type": "Delay", "properties": {"deadline": {"workingDays": 1} } },
            {"id": "handle", "type": "UnitTask", "properties": {"title": "Xử lý {{directive.number}}", "lead": {"units": ["01-COMMITTEE"]}, "deadline": {"workingDays": 3} } },
            {"id": "end", "type": "End", "properties": {}}
          ],
          "connections": [
            {"source": "start", "outcome": "Done", "target": "is-urgent"},
            {"source": "is-urgent", "outcome": "True", "target": "alert"},
            {"source": "is-urgent", "outcome": "False", "target": "handle"},
            {"source": "alert", "outcome": "Done", "target": "wait"},
            {"source": "wait", "outcome": "Done", "target": "handle"},
            {"source": "handle", "outcome": "Done", "target": "end"}
          ]
        }
        """;
}
