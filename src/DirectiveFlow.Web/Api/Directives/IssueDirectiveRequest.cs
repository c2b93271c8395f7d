using System.Text.Json.Nodes;

namespace DirectiveFlow.Web.Api.Directives;

/// <summary>
/// The body of <c>POST /api/directives</c>; priority is "Normal" (thường), "Urgent" (khẩn) or "Immediate" (hỏa tốc);
/// documentType (optional) is "Resolution", "Conclusion", "Directive", "Plan", "OfficialLetter", "ConclusionNotice" or "Decision".
/// </summary>
public sealed record IssueDirectiveRequest(
    string? Number, string? Title, string? Body, string? Priority, Guid IssuingUnitId, string? WorkflowDefinitionId, JsonObject? Inputs,
    string? DocumentType = null);
