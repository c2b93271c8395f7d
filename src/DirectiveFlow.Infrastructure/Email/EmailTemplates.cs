namespace DirectiveFlow.Infrastructure.Email;

/// <summary>The names of the embedded Liquid templates (Templates/{name}.{language}.liquid).</summary>
public static class EmailTemplates
{
    public const string Reminder = "reminder";
    public const string DueToday = "due";
    public const string Escalation = "escalation";
    public const string ProgressMissing = "progress-missing";
    public const string DailyDigest = "digest";
    public const string WeeklySummary = "weekly";

    /// <summary>A task not acknowledged: the reminder to its unit, and the escalation saying it never was.</summary>
    public const string NotAcknowledged = "not-acknowledged";

    public static readonly IReadOnlyList<string> All = [Reminder, DueToday, Escalation, ProgressMissing, DailyDigest, WeeklySummary, NotAcknowledged];
}
