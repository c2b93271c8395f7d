using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DirectiveFlow.Web.Localization;

/// <summary>
/// A journal row as a person reads it. The journal keeps stable codes and machine values (an action code, the
/// "system" actor, round-trip timestamps, "4 × action-plan"): they stay as written for the API and are put into
/// words here, in the reader's language.
/// </summary>
public static partial class JournalText
{
    /// <summary>
    /// The action's label. An escalation's level is worded from its number: a flow may define any number of steps, and
    /// a key per level showed "Journal.escalation.level6" raw past the fifth.
    /// </summary>
    public static string Action(UiText text, string action) =>
        EscalationLevel().Match(action) is { Success: true } level
            ? text.Format("Journal.escalation.level", int.Parse(level.Groups[1].Value, CultureInfo.InvariantCulture))
            : text["Journal." + action];

    /// <summary>The person behind a record (its resolved name, see <c>PersonNames</c>), the system in the reader's language.</summary>
    public static string Person(UiText text, string? actor, string? name) =>
        string.IsNullOrWhiteSpace(actor) || actor == PersonNames.SystemActor ? text["Journal.Actor.System"] : name ?? actor;

    /// <summary>
    /// A journal row's detail in the reader's language: an email's delivery (<see cref="JournalEntryDto.Delivery"/>) or the
    /// entry's own detail.
    /// </summary>
    public static string? Detail(UiText text, JournalEntryDto entry) =>
        entry.Delivery is { } delivery ? Delivery(text, delivery) : Detail(text, entry.Detail);

    /// <summary>"Gửi a@…, b@… — đã gửi lúc 09:00 02/03/2026": to whom an email about a task went and what became of it.</summary>
    public static string Delivery(UiText text, EmailDelivery email)
    {
        var to = email.To.Count == 0 ? text["Journal.Email.NoRecipients"] : text.Format("Journal.Email.To", string.Join(", ", email.To));
        if (email.InDigestAt is { } digest)
        {
            to = text.Format("Journal.Email.InDigest", to, UiFormat.Date(digest));
        }

        var state = email.Status switch
        {
            nameof(OutboxStatus.Held) => text["Journal.Email.Held"],
            nameof(OutboxStatus.Sent) when email.SentAt is { } at => text.Format("Journal.Email.Sent", EffectMessages.LocalText(at))
                + (email.Refused.Count > 0 ? text.Format("Journal.Email.Refused", string.Join(", ", email.Refused)) : ""),
            nameof(OutboxStatus.DeadLetter) => text.Format("Journal.Email.DeadLetter", email.Attempts, email.Error),
            nameof(OutboxStatus.Skipped) => text["Journal.Email.Skipped"],
            _ => email.Attempts > 0 ? text.Format("Journal.Email.Retrying", email.Attempts) : text["Journal.Email.Waiting"],
        };
        return $"{to} — {state}";
    }

    public static string? Detail(UiText text, string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return null;
        }

        // A flow's outcome ("Accepted", "Done") is a port name of the designer; the reader gets its word.
        if (UiText.Current.TryGetValue("Journal.Outcome." + detail, out var outcome))
        {
            return outcome;
        }

        if (TasksPerStep().Match(detail) is { Success: true } tasks)
        {
            return text.Format("Journal.Detail.Tasks", int.Parse(tasks.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        if (OpenTasks().Match(detail) is { Success: true } open)
        {
            return text.Format("Journal.Detail.OpenTasks", int.Parse(open.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        if (ItemLead().Match(detail) is { Success: true } item)
        {
            return text.Format("Journal.Detail.Item", item.Groups[1].Value);
        }

        if (DueOn().Match(detail) is { Success: true } dueOn
            && DateOnly.TryParseExact(dueOn.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return text.Format("Journal.Detail.DueOn", int.Parse(dueOn.Groups[1].Value, CultureInfo.InvariantCulture), UiFormat.Date(day));
        }

        if (UnitCount().Match(detail) is { Success: true } units)
        {
            return text.Format("Journal.Detail.Units", int.Parse(units.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        return Instant().Replace(detail, m =>
            DateTimeOffset.TryParse(m.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? UiFormat.DateTime(at)
                : m.Value);
    }

    // "resumeAt=" is the delay's own label for the instant that follows; the reader sees the instant alone.
    [GeneratedRegex(@"(?:\b\w+=)?(?<at>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))")]
    private static partial Regex Instant();

    // A cascade's "N × <task activity id>": how many tasks one batch wrote.
    [GeneratedRegex(@"^(\d+) × \S+$")]
    private static partial Regex TasksPerStep();

    // A cancelled instance's "N open tasks" (InstanceCancellation): the tasks it stopped.
    [GeneratedRegex(@"^(\d+) open tasks$")]
    private static partial Regex OpenTasks();

    // An itemized document's "<item number> → <lead unit code>": the row names the item; its task names the unit.
    [GeneratedRegex(@"^(\S+) → \S+$")]
    private static partial Regex ItemLead();

    // A calendar edit's "N tasks due 2027-04-30" (OpenTaskSchedules.Detail).
    [GeneratedRegex(@"^(\d+) tasks due (\d{4}-\d{2}-\d{2})$")]
    private static partial Regex DueOn();

    [GeneratedRegex(@"^(\d+) units$")]
    private static partial Regex UnitCount();

    [GeneratedRegex(@"^escalation\.level(\d{1,3})$")]
    private static partial Regex EscalationLevel();
}
