namespace DirectiveFlow.Core.Common;

/// <summary>
/// The sizes DirectiveFlow accepts, in one place (README, "Limits"). Each text limit is at most its database column,
/// so nothing that passes validation can fail at the database; requests over a limit get a 400 naming the field.
/// </summary>
public static class InputLimits
{
    /// <summary>Directive and task titles (column: 500).</summary>
    public const int TitleLength = 500;

    /// <summary>Unit and workflow names (columns: 300).</summary>
    public const int NameLength = 250;

    /// <summary>
    /// A province or commune name in an import (column: 200); the four pillar units are named from it with a prefix
    /// of up to about 60 characters ("Ủy ban Mặt trận Tổ quốc Việt Nam phường …", column: 300).
    /// </summary>
    public const int LocalityNameLength = 150;

    /// <summary>Directive numbers such as "15/CT-UBND" (column: 100).</summary>
    public const int NumberLength = 100;

    /// <summary>The key a client sends with an issue so a retry issues once (Idempotency-Key; column: 100).</summary>
    public const int IssueKeyLength = 100;

    /// <summary>Unit codes (column: 64).</summary>
    public const int CodeLength = 64;

    /// <summary>A directive's body (about 40 printed pages; the column is unbounded).</summary>
    public const int DirectiveBodyLength = 100_000;

    /// <summary>Task instructions written when a unit re-cascades (the column is unbounded).</summary>
    public const int InstructionsLength = 20_000;

    /// <summary>A unit head's name (column: 200), e-mail address (column: 256) and contact list (column: 1000).</summary>
    public const int HeadNameLength = 200;

    public const int EmailLength = 256;

    /// <summary>A directive's signer: name and position (columns: 200 each).</summary>
    public const int SignerLength = 200;

    /// <summary>A directive's summary, trích yếu (column: 1000).</summary>
    public const int SummaryLength = 1000;

    public const int ContactEmailsLength = 1000;

    /// <summary>Notes, reasons and comments on a task (columns: 4000).</summary>
    public const int NoteLength = 4000;

    /// <summary>The body of any request (JSON or form), unless its endpoint declares another limit: 413 beyond.</summary>
    public const long RequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// The body of a request to issue a directive, to save or validate a workflow, or to import an organisation (the
    /// national list is 150 KB): larger than <see cref="DirectiveBodyLength"/> or <see cref="WorkflowDefinitionBytes"/>,
    /// so an over-long directive body or definition is refused (400) as the field it is, not as a request.
    /// </summary>
    public const long LargeRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>A multipart attachment upload (the file itself is limited by Attachments:MaxBytes, 10 MB by default).</summary>
    public const long UploadRequestBodyBytes = 64 * 1024 * 1024;

    /// <summary>A workflow definition's JSON text, in UTF-8 bytes.</summary>
    public const int WorkflowDefinitionBytes = 1024 * 1024;

    /// <summary>A deadline or extension in working days (about ten years); far larger ones overflow the calendar.</summary>
    public const int MaxWorkingDays = 2_600;

    /// <summary>A deadline given as a duration ("P30D"), or how far an extension may move a deadline, in days.</summary>
    public const int MaxDeadlineDays = 3_660;
}
