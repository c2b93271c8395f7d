namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>The stable error codes of <see cref="WorkflowValidator"/>; clients may switch on them.</summary>
public static class ValidationCodes
{
    public const string InvalidJson = "invalid-json";
    public const string Schema = "schema";
    public const string UnknownActivityType = "unknown-activity-type";
    public const string DuplicateId = "duplicate-id";
    public const string MissingStart = "missing-start";
    public const string MultipleStarts = "multiple-starts";
    public const string StartHasIncoming = "start-has-incoming";
    public const string DanglingConnection = "dangling-connection";
    public const string UnknownOutcome = "unknown-outcome";
    public const string Unreachable = "unreachable";
    public const string InvalidProperties = "invalid-properties";
    public const string MissingDeadline = "missing-deadline";
    public const string UnknownInput = "unknown-input";
    public const string UnknownPlaceholder = "unknown-placeholder";
    public const string ReviewNotAfterTask = "review-not-after-task";
    public const string ReviewMissingReturn = "review-missing-return";
    public const string ReviewReturnMismatch = "review-return-mismatch";
    public const string IllegalCycle = "illegal-cycle";
    public const string CascadeMissingEach = "cascade-missing-each";
    public const string CascadeMissingDone = "cascade-missing-done";
    public const string CascadeBodyEscapes = "cascade-body-escapes";
    public const string ConditionSyntax = "condition-syntax";
    public const string ConditionRunaway = "condition-runaway";
    public const string ConditionSandbox = "condition-sandbox";
    public const string DefinitionTooLarge = "definition-too-large";
    public const string InvalidText = "invalid-text";
    public const string InvalidIssuers = "invalid-issuers";
    public const string InvalidPolicies = "invalid-policies";
    public const string ItemsInputType = "items-input-type";
    public const string ItemsNotNarrowable = "items-not-narrowable";
    public const string ItemsCascadeNested = "items-cascade-nested";
    public const string CascadeNestedTargets = "cascade-nested-targets";
    public const string CascadeBodyLead = "cascade-body-lead";
}
