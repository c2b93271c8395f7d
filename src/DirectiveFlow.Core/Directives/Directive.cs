using DirectiveFlow.Core.Common;

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

    /// <summary>The date the document was signed (ngày ban hành); null for a directive issued before it was recorded.</summary>
    public DateOnly? IssuedOn { get; set; }

    /// <summary>Who signed the document, e.g. "Nguyễn Văn A"; null when not recorded.</summary>
    public string? SignerName { get; set; }

    /// <summary>The signer's position, e.g. "Bí thư Thành ủy"; null when not recorded.</summary>
    public string? SignerPosition { get; set; }

    /// <summary>The document's summary (trích yếu); null when not recorded.</summary>
    public string? Summary { get; set; }

    /// <summary>
    /// The overall deadline: the end of the working day (17:00 Hà Nội time) of the date the document sets; no task of the
    /// directive is due after it. Null when the document sets none.
    /// </summary>
    public DateTimeOffset? Deadline { get; set; }

    public Guid IssuingUnitId { get; set; }

    public required string WorkflowDefinitionId { get; set; }

    public int WorkflowVersion { get; set; }

    public Guid InstanceId { get; set; }

    /// <summary>The directive's inputs as a JSON object.</summary>
    public string InputsJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>
    /// The key the issuer's client sent with the issue (the API's <c>Idempotency-Key</c>, the page's form key): one key from
    /// one account issues once, and a retry of the same request (a timeout, a double click) gets this directive back
    /// instead of a second set of tasks and emails. Null when none was sent.
    /// </summary>
    public string? IssueKey { get; set; }

    /// <summary>
    /// When the issuer withdrew the directive (thu hồi văn bản): its open tasks were cancelled then and their units told.
    /// Null while it stands.
    /// </summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Who withdrew it (a user name); null while it stands.</summary>
    public string? WithdrawnBy { get; set; }

    /// <summary>Why it was withdrawn, as the issuer wrote it and the units read it; null while it stands.</summary>
    public string? WithdrawalReason { get; set; }

    /// <summary>
    /// The number, title and summary folded for search (<see cref="SearchText.Fold"/>: lower case, no diacritics, đ as
    /// d), always derived from them and stored so the database can match it: "ket luan 15" finds "Kết luận số 15-KL/TU".
    /// The setter is for EF reading the column back; what it reads is ignored.
    /// </summary>
    public string SearchKey
    {
        get => SearchText.Fold($"{Number} {Title} {Summary}");
        private set => _ = value;
    }
}
