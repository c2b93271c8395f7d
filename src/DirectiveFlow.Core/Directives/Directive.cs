namespace DirectiveFlow.Core.Directives;

/// <summary>An issued document (Kết luận, Chỉ thị, Kế hoạch, …) carried out by one workflow instance.</summary>
public sealed class Directive
{
    public Guid Id { get; set; }

    /// <summary>The document number, e.g. "Kết luận số 15-KL/TU".</summary>
    public required string Number { get; set; }

    public required string Title { get; set; }

    public string Body { get; set; } = "";

    public DirectivePriority Priority { get; set; } = DirectivePriority.Normal;

    /// <summary>Nghị quyết, Kết luận, Chỉ thị, …; null for a directive issued before the type was recorded.</summary>
    public DocumentType? DocumentType { get; set; }

    public Guid IssuingUnitId { get; set; }

    public required string WorkflowDefinitionId { get; set; }

    public int WorkflowVersion { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The directive's inputs as a JSON object.</summary>
    public string InputsJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}
