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
    public const string ExtensionWasApproved = "extension-was-approved";
    public const string ExtensionWasRejected = "extension-was-rejected";
    public const string ExtensionWasSuperseded = "extension-was-superseded";
    public const string ExtensionDueDatePassed = "extension-due-date-passed";
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
    public const string IssueKeyReused = "issue-key-reused";
    public const string WithdrawForbidden = "withdraw-forbidden";
    public const string WithdrawReasonRequired = "withdraw-reason-required";
    public const string DirectiveEnded = "directive-ended";
    public const string DirectiveStillWriting = "directive-still-writing";
    public const string IssueFlowNotForUnit = "issue-flow-not-for-unit";
    public const string UnknownIssuingUnit = "unknown-issuing-unit";
    public const string DateFormat = "date-format";
    public const string IssuedInFuture = "issued-in-future";
    public const string SignerNameRequired = "signer-name-required";
    public const string DirectiveDeadlineBeforeIssue = "directive-deadline-before-issue";
    public const string DirectiveDeadlinePassed = "directive-deadline-passed";
    public const string TaskDeadlineAfterDirective = "task-deadline-after-directive";
    public const string UnknownWorkflow = "unknown-workflow";
    public const string UnknownUnitCodes = "unknown-unit-codes";
    public const string InputUnitOutside = "input-unit-outside";
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
    public const string UnitStillInUse = "unit-still-in-use";
    public const string UserUnitInactive = "user-unit-inactive";
    public const string PillarParentFromImport = "pillar-parent-from-import";
    public const string OwnParent = "own-parent";
    public const string ParentOtherPillar = "parent-other-pillar";
    public const string ParentCycle = "parent-cycle";

    // Requests the framework could not read
    public const string RequestUnreadable = "request-unreadable";
    public const string RequestNotRead = "request-not-read";
    public const string AntiforgeryMissing = "antiforgery-missing";
    public const string AntiforgeryReload = "antiforgery-reload";
    public const string BodyTooLarge = "body-too-large";
    public const string BodyLimit = "body-limit";
    public const string UnsupportedContentType = "unsupported-content-type";
    public const string SendJson = "send-json";
    public const string UnsupportedCharset = "unsupported-charset";
    public const string ValueNotValid = "value-not-valid";
    public const string EmptyBody = "empty-body";
    public const string DuplicateKey = "duplicate-key";
    public const string JsonTooDeep = "json-too-deep";
    public const string NotUtf8 = "not-utf8";
    public const string MalformedJson = "malformed-json";
    public const string MalformedJsonAt = "malformed-json-at";
    public const string WrongType = "wrong-type";
    public const string ControlCharacters = "control-characters";
    public const string JsonObjectExpected = "json-object-expected";

    // What a value should have been (the {0} of value-not-valid and wrong-type)
    public const string ExpectEnum = "expect-enum";
    public const string ExpectArray = "expect-array";
    public const string ExpectGuid = "expect-guid";
    public const string ExpectInteger = "expect-integer";
    public const string ExpectNumber = "expect-number";
    public const string ExpectBoolean = "expect-boolean";
    public const string ExpectDate = "expect-date";
    public const string ExpectString = "expect-string";
    public const string ExpectObject = "expect-object";

    // Query values of lists and reports
    public const string NotAllowed = "not-allowed";
    public const string WholeNumberRange = "whole-number-range";
    public const string NotAWeek = "not-a-week";
    public const string WeekNotStarted = "week-not-started";
    public const string AdvanceInvalid = "advance-invalid";
    public const string NotADate = "not-a-date";
    public const string ToBeforeFrom = "to-before-from";
    public const string NoSuchUnit = "no-such-unit";
    public const string NoSuchLocality = "no-such-locality";
    public const string ReportsForbidden = "reports-forbidden";

    // The working-day calendar
    public const string YearRange = "year-range";
    public const string DaysRequired = "days-required";
    public const string DayNull = "day-null";
    public const string DayOutsideYear = "day-outside-year";
    public const string DayKind = "day-kind";
    public const string DayName = "day-name";
    public const string MakeUpOnWeekday = "make-up-on-weekday";
    public const string HolidayOnWeekend = "holiday-on-weekend";
    public const string DuplicateDate = "duplicate-date";

    // The engine refusing a request's values
    public const string FlowCannotStart = "flow-cannot-start";
    public const string DeadlineInvalid = "deadline-invalid";
    public const string FaultUnknownActivityType = "fault-unknown-activity-type";
    public const string FaultUnknownUnit = "fault-unknown-unit";
    public const string FaultSelectorUnknownUnit = "fault-selector-unknown-unit";
    public const string FaultLeadSelectsNoUnit = "fault-lead-selects-no-unit";
    public const string SelectorInvalid = "selector-invalid";
    public const string NoInputs = "no-inputs";

    // Activity properties (the reader's complaint; {0} is always the property path, e.g. deadline.workingDays)
    public const string PropertyObject = "property-object";
    public const string PropertyString = "property-string";
    public const string PropertyWholeNumber = "property-whole-number";
    public const string PropertyBoolean = "property-boolean";
    public const string PropertyStrings = "property-strings";
    public const string PropertyWholeNumbers = "property-whole-numbers";
    public const string PropertyArray = "property-array";
    public const string PropertyRequired = "property-required";
    public const string PropertyRequiredForMode = "property-required-for-mode";
    public const string PropertyOneOf = "property-one-of";
    public const string PropertyUnknownValue = "property-unknown-value";
    public const string PropertyAtMostOneOf = "property-at-most-one-of";
    public const string PropertyExactlyOne = "property-exactly-one";
    public const string PropertyAtLeast = "property-at-least";
    public const string PropertyRange = "property-range";
    public const string PropertyDaysRange = "property-days-range";
    public const string PropertyDuration = "property-duration";
    public const string PropertyIncreasing = "property-increasing";
    public const string PropertyOutcomeEmpty = "property-outcome-empty";

    // The organisation import (each problem with its line)
    public const string ImportRejected = "import-rejected";
    public const string ImportEmpty = "import-empty";
    public const string ImportColumns = "import-columns";
    public const string ImportColumnCount = "import-column-count";
    public const string ImportCommuneCode = "import-commune-code";
    public const string ImportDuplicateCode = "import-duplicate-code";
    public const string ImportNameEmpty = "import-name-empty";
    public const string ImportName = "import-name";
    public const string ImportType = "import-type";
    public const string ImportNoRows = "import-no-rows";
    public const string ImportProvinceCode = "import-province-code";
    public const string ImportProvinceNameEmpty = "import-province-name-empty";
    public const string ImportProvinceName = "import-province-name";
    public const string ImportProvinceRenamed = "import-province-renamed";
    public const string ImportNotUtf8 = "import-not-utf8";
    public const string ImportCommuneOtherProvince = "import-commune-other-province";

    // Workflow definitions (the message of each WorkflowValidationError; its Code is a ValidationCodes code)
    public const string WorkflowTooLarge = "workflow-too-large";
    public const string WorkflowNotJson = "workflow-not-json";
    public const string WorkflowNotObject = "workflow-not-object";
    public const string WorkflowNotDefinition = "workflow-not-definition";
    public const string WorkflowSchema = "workflow-schema";
    public const string WorkflowNullElement = "workflow-null-element";
    public const string WorkflowName = "workflow-name";
    public const string WorkflowIssuerPillar = "workflow-issuer-pillar";
    public const string WorkflowIssuerLevel = "workflow-issuer-level";
    public const string WorkflowProperties = "workflow-properties";
    public const string WorkflowPolicies = "workflow-policies";
    public const string WorkflowMissingDeadline = "workflow-missing-deadline";
    public const string WorkflowUnknownInput = "workflow-unknown-input";
    public const string WorkflowUnknownPlaceholder = "workflow-unknown-placeholder";
    public const string WorkflowCascadeMissingEach = "workflow-cascade-missing-each";
    public const string WorkflowCascadeMissingDone = "workflow-cascade-missing-done";
    public const string WorkflowReviewNotAfterTask = "workflow-review-not-after-task";
    public const string WorkflowReviewMissingReturn = "workflow-review-missing-return";
    public const string WorkflowReviewReturnMismatch = "workflow-review-return-mismatch";
    public const string WorkflowConditionSyntax = "workflow-condition-syntax";
    public const string WorkflowCondition = "workflow-condition";
    public const string WorkflowDuplicateId = "workflow-duplicate-id";
    public const string WorkflowUnknownType = "workflow-unknown-type";
    public const string WorkflowMissingStart = "workflow-missing-start";
    public const string WorkflowMultipleStarts = "workflow-multiple-starts";
    public const string WorkflowUnknownSource = "workflow-unknown-source";
    public const string WorkflowUnknownTarget = "workflow-unknown-target";
    public const string WorkflowUnknownOutcome = "workflow-unknown-outcome";
    public const string WorkflowIntoStart = "workflow-into-start";
    public const string WorkflowUnreachable = "workflow-unreachable";
    public const string WorkflowCascadeBodyEscapes = "workflow-cascade-body-escapes";
    public const string WorkflowIllegalCycle = "workflow-illegal-cycle";

    // Conditions (the error of a ConditionResult)
    public const string ConditionNotJavaScript = "condition-not-javascript";
    public const string ConditionNotBoolean = "condition-not-boolean";
    public const string ConditionTimeout = "condition-timeout";
    public const string ConditionStatements = "condition-statements";
    public const string ConditionMemory = "condition-memory";
    public const string ConditionRecursion = "condition-recursion";
    public const string ConditionSandbox = "condition-sandbox";
    public const string ConditionFailed = "condition-failed";

    // The workflow store
    public const string WorkflowInvalid = "workflow-invalid";
    public const string WorkflowNotFound = "workflow-not-found";
    public const string WorkflowVersionNotFound = "workflow-version-not-found";
    public const string WorkflowNotJsonAt = "workflow-not-json-at";
    public const string WorkflowIdMismatch = "workflow-id-mismatch";
    public const string WorkflowExists = "workflow-exists";
    public const string WorkflowAlreadyPublished = "workflow-already-published";
    public const string WorkflowNoDraft = "workflow-no-draft";
    public const string WorkflowStale = "workflow-stale";
    public const string WorkflowChanged = "workflow-changed";
    public const string WorkflowWrittenMeanwhile = "workflow-written-meanwhile";
    public const string WorkflowOpenDraft = "workflow-open-draft";
    public const string IfMatchInvalid = "if-match-invalid";

    // Signing in, tokens and the other API answers outside the use cases
    public const string AuthRequired = "auth-required";
    public const string AuthSendToken = "auth-send-token";
    public const string AuthForbidden = "auth-forbidden";
    public const string AuthLacksRole = "auth-lacks-role";
    public const string BearerRequired = "bearer-required";
    public const string BearerForChanges = "bearer-for-changes";
    public const string TooManySignIns = "too-many-sign-ins";
    public const string SignInCredentialsRequired = "sign-in-credentials-required";
    public const string SignInInvalid = "sign-in-invalid";
    public const string SignInLockedOut = "sign-in-locked-out";
    public const string SignInLockedOutFor = "sign-in-locked-out-for";
    public const string DemoPasswordRefused = "demo-password-refused";
    public const string DemoPasswordMustChange = "demo-password-must-change";
    public const string RetryInSeconds = "retry-in-seconds";
    public const string OutboxMessageNotFound = "outbox-message-not-found";
    public const string OutboxOnlyDeadLetter = "outbox-only-dead-letter";
    public const string MailboxOff = "mailbox-off";
    public const string DemoClockOff = "demo-clock-off";
    public const string SignOutAntiforgery = "sign-out-antiforgery";
    public const string SignOutButton = "sign-out-button";

    // ---- People and assignment (issue 13, part 4) ----
    // (this area's entries go above the next marker)
    public const string AssigneeNotFound = "assignee-not-found";
    public const string AssigneeOtherUnit = "assignee-other-unit";
    public const string AssigneeInactive = "assignee-inactive";
    public const string TaskClosedForAssignment = "task-closed-for-assignment";
    public const string OnlyUnitAssigns = "only-unit-assigns";

    // ---- Users screen (issue 13, parts 4-5) ----
    public const string UsersForbidden = "users-forbidden";
    public const string UserNotFound = "user-not-found";
    public const string UserOutsideHeadsUnit = "user-outside-heads-unit";
    public const string UserRoleNotGrantable = "user-role-not-grantable";
    public const string UserCannotDeactivateSelf = "user-cannot-deactivate-self";
    public const string UserCannotDropOwnAdministrator = "user-cannot-drop-own-administrator";
    public const string UserNameTaken = "user-name-taken";
    public const string UserEmailTaken = "user-email-taken";
    public const string UserNameCharacters = "user-name-characters";
    public const string EmailInvalid = "email-invalid";
    public const string PhoneInvalid = "phone-invalid";
    public const string LanguageInvalid = "language-invalid";
    public const string RolesRequired = "roles-required";
    public const string RoleUnknown = "role-unknown";
    public const string UnitRequiredForRole = "unit-required-for-role";
    public const string UserUnitUnknown = "user-unit-unknown";
    public const string PasswordWeak = "password-weak";
    public const string AccountDeactivated = "account-deactivated";
    public const string AccountDeactivatedAsk = "account-deactivated-ask";
    // (this area's entries go above the next marker)

    // ---- Admin screens (issue 13, part 5) ----
    // (this area's entries go above the next marker)
    public const string AdministratorOnly = "administrator-only";
    public const string CalendarDayNotFound = "calendar-day-not-found";

    // ---- Choosing the targets (issue 13, part 2) ----
    // (this area's entries go above the next marker)
    public const string TargetsUnknownActivity = "targets-unknown-activity";
    public const string TargetsNotCascade = "targets-not-cascade";
    public const string TargetsNotNarrowable = "targets-not-narrowable";
    public const string TargetsOneList = "targets-one-list";
    public const string TargetsEmpty = "targets-empty";
    public const string TargetUnknownCode = "target-unknown-code";
    public const string TargetOutsideSet = "target-outside-set";

    // ---- The directive as a document (issue 13, part 1) ----
    // (this area's entries go above the next marker)
    public const string DirectiveFileNotPdf = "directive-file-not-pdf";
    public const string DirectiveAttachmentNotFound = "directive-attachment-not-found";
    public const string DirectiveAttachmentForbidden = "directive-attachment-forbidden";
    public const string ExtensionPastDirectiveDeadline = "extension-past-directive-deadline";

    // ---- Studio: publishing and the designer (issue 13, part 6) ----
    // (this area's entries go above the next marker)
    public const string WorkflowChangeNoteRequired = "workflow-change-note-required";
    public const string WorkflowChangeNoteTooLong = "workflow-change-note-too-long";
    public const string StudioRemindersNotNumbers = "studio-reminders-not-numbers";

    // ---- Itemized conclusions (issue 17) ----
    public const string ItemsRequired = "items-required";
    public const string ItemsNotList = "items-not-list";
    public const string ItemsTooMany = "items-too-many";
    public const string ItemNumberTooLong = "item-number-too-long";
    public const string ItemNumberDuplicate = "item-number-duplicate";
    public const string ItemContentRequired = "item-content-required";
    public const string ItemText = "item-text";
    public const string ItemLeadRequired = "item-lead-required";
    public const string ItemUnknownUnit = "item-unknown-unit";
    public const string ItemUnitOutside = "item-unit-outside";
    public const string ItemDeadlineInvalid = "item-deadline-invalid";
    public const string ItemDeadlinePassed = "item-deadline-passed";
    public const string ItemDeadlineNotWorkingDay = "item-deadline-not-working-day";
    public const string ItemDeadlineAfterDirective = "item-deadline-after-directive";
    public const string ItemPriorityInvalid = "item-priority-invalid";
    public const string WorkflowItemsInputType = "workflow-items-input-type";
    public const string WorkflowItemsNotNarrowable = "workflow-items-not-narrowable";
    public const string WorkflowItemsCascadeNested = "workflow-items-cascade-nested";
    public const string WorkflowCascadeNestedTargets = "workflow-cascade-nested-targets";
    public const string WorkflowCascadeBodyLead = "workflow-cascade-body-lead";
    // (this area's entries go above the next marker)
    public const string ParseItemsTextRequired = "parse-items-text-required";
    public const string ParseItemsTextTooLong = "parse-items-text-too-long";
}
