using System.Text.Json.Nodes;

namespace DirectiveFlow.Web.Api.Directives;

/// <summary>The body of <c>POST /api/directives</c>; priority is "Normal" (thường), "Urgent" (khẩn) or "Immediate" (hỏa tốc).</summary>
public sealed record IssueDirectiveRequest(
    string? Number, string? Title, string? Body, string? Priority, Guid IssuingUnitId, string? WorkflowDefinitionId, JsonObject? Inputs);
