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
    public const string EscalationDigest = "escalation-digest";

    public static readonly IReadOnlyList<string> All = [Reminder, DueToday, Escalation, ProgressMissing, DailyDigest, WeeklySummary, EscalationDigest];
}
