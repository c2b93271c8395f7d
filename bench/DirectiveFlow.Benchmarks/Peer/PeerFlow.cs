namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>
/// Our side of the peer scenario: one directive cascading to every commune-level pillar unit of the issuer's province,
/// a task each, no review, so a unit's completion finishes its task and the last one finishes the flow — the same
/// work as the peer's "start, wait for the unit's event, go on".
/// </summary>
internal static class PeerFlow
{
    public const string Id = "peer-cascade";

    public const string Json = $$$"""
        {
          "id": "{{{Id}}}", "name": "Giao việc cho từng xã, phường", "inputs": [{"name": "deadlineDays", "type": "number", "required": true, "default": 10}],
          "activities": [
            {"id": "start", "type": "Start", "properties": {}},
            {"id": "every-commune", "type": "Cascade", "properties": {"targets": {"levels": ["commune"], "kinds": ["pillar"]}, "completion": {"mode": "all"} } },
            {"id": "carry-out", "type": "UnitTask", "properties": {"title": "Thực hiện {{directive.number}} tại {{unit.name}}", "deadline": {"input": "deadlineDays"} } },
            {"id": "end", "type": "End", "properties": {}}
          ],
          "connections": [
            {"source": "start", "outcome": "Done", "target": "every-commune"},
            {"source": "every-commune", "outcome": "Each", "target": "carry-out"},
            {"source": "every-commune", "outcome": "Done", "target": "end"}
          ]
        }
        """;
}
