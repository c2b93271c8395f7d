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

    /// <summary>The signer, as a letter cites the directive; null when not recorded.</summary>
    public string? SignerName { get; init; }

    public string? SignerPosition { get; init; }

    /// <summary>The issuing unit's name when the step read it with the directive (<see cref="FlowStepLoader"/>); null otherwise.</summary>
    public string? IssuingUnitName { get; init; }

    /// <summary>How letters cite the directive, when the step read the issuer's name; null otherwise.</summary>
    public DirectiveReference? Reference => IssuingUnitName is { } issuer
        ? new DirectiveReference(Number, DocumentType, IssuedOn, issuer, SignerName, SignerPosition, Deadline)
        : null;

    public static FlowDocument From(Directive directive) => new(
        directive.Id, directive.Number, directive.Title, directive.Priority, directive.IssuingUnitId, directive.CreatedBy,
        JsonNode.Parse(string.IsNullOrWhiteSpace(directive.InputsJson) ? "{}" : directive.InputsJson) as JsonObject ?? [])
    {
        Deadline = directive.Deadline,
        DocumentType = directive.DocumentType,
        IssuedOn = directive.IssuedOn,
        Summary = directive.Summary,
        SignerName = directive.SignerName,
        SignerPosition = directive.SignerPosition,
    };
}
