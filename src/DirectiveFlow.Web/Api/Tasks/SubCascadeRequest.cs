using System.Text.Json.Nodes;

namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>The body of <c>POST /api/tasks/{id}/cascade</c>: the sub-units (explicit ids, or a selector over the unit's own sub-units), title, instructions and deadline.</summary>
public sealed record SubCascadeRequest(List<Guid>? UnitIds, JsonObject? Selector, string? Title, string? Instructions, JsonObject? Deadline);
