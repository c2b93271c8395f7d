namespace DirectiveFlow.Core.Common.Errors;

/// <summary>
/// The stable codes of every refusal the use cases give; clients may branch on them (the <c>code</c> of a
/// ProblemDetails). Each has one text per language, in <see cref="ErrorMessagesVi"/> and <see cref="ErrorMessagesEn"/>,
/// with the same <c>{n}</c> placeholders.
/// </summary>
public static class ErrorCodes
{
    // Whole requests
    public const string InvalidInput = "invalid-input";
    public const string Conflict = "conflict";

    /// <summary>A text written elsewhere (e.g. an engine or parser exception) passed on as it is.</summary>
    public const string Detail = "detail";

    // Texts (TextRules)
    public const string Required = "required";
    public const string Blank = "blank";
    public const string TooLong = "too-long";
    public const string BrokenUnicode = "broken-unicode";
    public const string ControlCharacter = "control-character";
    public const string NotOneLine = "not-one-line";

    // Tasks
    public const string TaskNotFound = "task-not-found";
    public const string TaskChanged = "task-changed";
    public const string OnlySupportingUnit = "only-supporting-unit";
    public const string OnlyAssigningUnit = "only-assigning-unit";
    public const string OnlyAdministratorCancels = "only-administrator-cancels";
    public const string OnlyLeadUnit = "only-lead-unit";
    public const string UnitTasksForbidden = "unit-tasks-forbidden";
    public const string TaskStateForbids = "task-state-forbids";
    public const string ReasonRequired = "reason-required";
    public const string ProgressNoteRequired = "progress-note-required";
    public const string ContributionRequired = "contribution-required";
    public const string CancelReasonRequired = "cancel-reason-required";
    public const string ResultRequired = "result-required";
    public const string CommentRequiredToReturn = "comment-required-to-return";
    public const string ReviewDecision = "review-decision";
    public const string ApproveRequired = "approve-required";
    public const string ExtensionEitherOr = "extension-either-or";
    public const string ExtensionDaysRange = "extension-days-range";
    public const string ExtensionBadDate = "extension-bad-date";
    public const string ExtensionAfterDeadline = "extension-after-deadline";
    public const string ExtensionPending = "extension-pending";
    public const string ExtensionNotLater = "extension-not-later";
    public const string ExtensionTooFar = "extension-too-far";
    public const string ExtensionNotFound = "extension-not-found";
    public const string ExtensionDecided = "extension-decided";
    public const string PercentRange = "percent-range";
    public const string PercentBelowLast = "percent-below-last";
    public const string UnknownOutcome = "unknown-outcome";
    public const string SubCascadeOpen = "sub-cascade-open";
    public const string FileType = "file-type";
    public const string FileSize = "file-size";
    public const string FileTooLarge = "file-too-large";
    public const string FileContent = "file-content";
    public const string FileMissing = "file-missing";
    public const string FileNotMultipart = "file-not-multipart";
    public const string FileUnreadable = "file-unreadable";
    public const string AttachmentNotFound = "attachment-not-found";

    // Directives and sub-cascades
    public const string DirectiveNotFound = "directive-not-found";
    public const string DirectiveNotIssued = "directive-not-issued";
    public const string IssueForbidden = "issue-forbidden";
    public const string UnknownIssuingUnit = "unknown-issuing-unit";
    public const string UnknownWorkflow = "unknown-workflow";
    public const string UnknownUnitCodes = "unknown-unit-codes";
    public const string UndeclaredInput = "undeclared-input";
    public const string InputRequired = "input-required";
    public const string InputWorkingDays = "input-working-days";
    public const string InputNumber = "input-number";
    public const string InputUnitCodes = "input-unit-codes";
    public const string InputText = "input-text";
    public const string UnitTaskNotFound = "unit-task-not-found";
    public const string SubCascadeTaskClosed = "sub-cascade-task-closed";
    public const string SubCascadeStillOpen = "sub-cascade-still-open";
    public const string SubCascadeUnits = "sub-cascade-units";

    // Units
    public const string UnitNotFound = "unit-not-found";
    public const string UnitCode = "unit-code";
    public const string UnitCodeTaken = "unit-code-taken";
    public const string NotAnEmail = "not-an-email";
    public const string NotEmails = "not-emails";
    public const string ParentRequired = "parent-required";
    public const string SubUnitKind = "sub-unit-kind";
    public const string PillarNameFromImport = "pillar-name-from-import";
    public const string PillarParentFromImport = "pillar-parent-from-import";
    public const string OwnParent = "own-parent";
    public const string ParentOtherPillar = "parent-other-pillar";
    public const string ParentCycle = "parent-cycle";
}
