using System.Text.Json.Nodes;
using DirectiveFlow.Core.Directives;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>What a running flow sees of its directive: number, title, priority, issuer and the parsed inputs.</summary>
public sealed record FlowDocument(Guid Id, string Number, string Title, DirectivePriority Priority, Guid IssuingUnitId, string CreatedBy, JsonObject Inputs)
{
    public static FlowDocument From(Directive directive) => new(
        directive.Id, directive.Number, directive.Title, directive.Priority, directive.IssuingUnitId, directive.CreatedBy,
        JsonNode.Parse(string.IsNullOrWhiteSpace(directive.InputsJson) ? "{}" : directive.InputsJson) as JsonObject ?? []);
}
