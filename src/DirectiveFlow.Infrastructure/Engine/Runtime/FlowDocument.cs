using System.Text.Json.Nodes;
using DirectiveFlow.Core.Directives;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// What a running flow sees of its directive: number, title, priority, issuer, the parsed inputs and the overall
/// <see cref="Deadline"/> no task may pass; the document's type, issue date and summary.
/// </summary>
public sealed record FlowDocument(Guid Id, string Number, string Title, DirectivePriority Priority, Guid IssuingUnitId, string CreatedBy, JsonObject Inputs)
{
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The document's type, issue date and summary (tóm tắt nội dung), for text templates; null when not recorded.</summary>
    public DocumentType? DocumentType { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public string? Summary { get; init; }

    public static FlowDocument From(Directive directive) => new(
        directive.Id, directive.Number, directive.Title, directive.Priority, directive.IssuingUnitId, directive.CreatedBy,
        JsonNode.Parse(string.IsNullOrWhiteSpace(directive.InputsJson) ? "{}" : directive.InputsJson) as JsonObject ?? [])
    {
        Deadline = directive.Deadline,
        DocumentType = directive.DocumentType,
        IssuedOn = directive.IssuedOn,
        Summary = directive.Summary,
    };
}
