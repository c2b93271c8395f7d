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
    public const string Assigned = "assigned";
    public const string Supporting = "supporting";
    public const string Returned = "returned";

    /// <summary>A directive withdrawn by its issuer: its units' tasks are stopped (one email per unit).</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>A task not acknowledged: the reminder to its unit, and the escalation saying it never was.</summary>
    public const string NotAcknowledged = "not-acknowledged";

    public const string EscalationDigest = "escalation-digest";

    public static readonly IReadOnlyList<string> All =
        [Reminder, DueToday, Escalation, ProgressMissing, DailyDigest, WeeklySummary, NotAcknowledged, Assigned, Supporting, Returned, Withdrawn, EscalationDigest];

    /// <summary>
    /// The emails whose reader can still act before the deadline, and so get it as an <c>.ics</c>: a new or returned
    /// task, a supporting unit's part, a reminder before the deadline and the due-today notice. Never an overdue,
    /// escalation, raised or missing-report email: their deadline has passed or is not the point.
    /// </summary>
    public static bool AttachesDeadline(string template) =>
        template is Assigned or Supporting or Returned or Reminder or DueToday;
}
