using System.Globalization;
using System.Text.Json;

namespace DirectiveFlow.Infrastructure.Email.Digest;

/// <summary>
/// One held escalation as its digest needs it: what its completed per-task model (the escalation template's) says, with
/// the task's figures as of the digest (<see cref="WorkingDaysLate"/>, <see cref="ChaseCount"/>) when known.
/// </summary>
public sealed record HeldEscalation(
    long RowId,
    Guid TaskId,
    Guid DirectiveId,
    string DirectiveNumber,
    string DirectiveTitle,
    string UnitName,
    string UnitCode,
    string TaskTitle,
    string TaskLink,
    string DueLocal,
    int Level,
    bool Raised,
    int ChaseCount,
    int WorkingDaysLate,
    string RecipientName)
{
    /// <summary>Reads a held row's completed model (see <c>EffectMessages.SharedEmail</c>).</summary>
    public static HeldEscalation FromModel(long rowId, Guid? taskId, Guid? directiveId, string modelJson)
    {
        using var document = JsonDocument.Parse(modelJson);
        var root = document.RootElement;
        return new HeldEscalation(
            rowId,
            taskId ?? Guid.Empty,
            directiveId ?? Guid.Empty,
            Text(root, "directive", "number"),
            Text(root, "directive", "title"),
            Text(root, "unit", "name"),
            Text(root, "unit", "code"),
            Text(root, "task", "title"),
            Text(root, "task", "link"),
            Text(root, "task", "dueLocal"),
            Number(root, "level"),
            root.TryGetProperty("raised", out var raised) && raised.ValueKind == JsonValueKind.True,
            Number(root, "chaseCount"),
            Number(root, "workingDaysLate"),
            Text(root, "recipient", "name"));
    }

    private static string Text(JsonElement root, string parent, string name) =>
        root.TryGetProperty(parent, out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() ?? ""
            : "";

    private static int Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
}

/// <summary>
/// The digest of one recipient's held escalations (pure): each task once, at the highest level it reached; grouped by
/// directive (by number), then by unit (by name); each unit's tasks most late first.
/// </summary>
public static class EscalationDigest
{
    /// <summary>Each task once: the row of its highest level (raised before not raised at the same level).</summary>
    public static IReadOnlyList<HeldEscalation> HighestPerTask(IEnumerable<HeldEscalation> held) =>
        [.. held.GroupBy(h => h.TaskId)
            .Select(g => g.OrderByDescending(h => h.Level).ThenByDescending(h => h.Raised).ThenByDescending(h => h.RowId).First())];

    /// <summary>The template model of <c>escalation-digest</c> for <paramref name="held"/>, addressed to one recipient.</summary>
    public static EscalationDigestModel Build(IEnumerable<HeldEscalation> held, string baseUrl, DateOnly windowDate)
    {
        var tasks = HighestPerTask(held);
        var directives = tasks.GroupBy(t => t.DirectiveId)
            .Select(d => new EscalationDigestDirective(
                d.First().DirectiveNumber,
                d.First().DirectiveTitle,
                d.Count(),
                [.. d.GroupBy(t => t.UnitCode)
                    .Select(u => new EscalationDigestUnit(u.First().UnitName, u.Key,
                        [.. u.OrderByDescending(t => t.WorkingDaysLate).ThenBy(t => t.TaskTitle, StringComparer.Ordinal)
                            .Select(t => new EscalationDigestTask(t.TaskId, t.TaskTitle, t.TaskLink, t.DueLocal, t.WorkingDaysLate, t.Level, t.Raised, t.ChaseCount))]))
                    .OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal)]))
            .OrderBy(d => d.Number, StringComparer.Ordinal).ThenBy(d => d.Title, StringComparer.Ordinal)
            .ToList();
        var recipient = tasks.OrderByDescending(t => t.Level).Select(t => t.RecipientName).FirstOrDefault(n => n.Length > 0) ?? "";
        return new EscalationDigestModel(
            new EscalationDigestRecipient(recipient),
            windowDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            $"{baseUrl.TrimEnd('/')}/overview",
            new EscalationDigestCounts(tasks.Count, directives.Count, tasks.Select(t => t.UnitCode).Distinct(StringComparer.Ordinal).Count()),
            directives);
    }
}

/// <summary>What <c>escalation-digest.*.liquid</c> reads (serialised in camel case).</summary>
public sealed record EscalationDigestModel(
    EscalationDigestRecipient Recipient, string DateLocal, string OverviewLink, EscalationDigestCounts Counts, IReadOnlyList<EscalationDigestDirective> Directives);

public sealed record EscalationDigestRecipient(string Name);

public sealed record EscalationDigestCounts(int Tasks, int Directives, int Units);

public sealed record EscalationDigestDirective(string Number, string Title, int TaskCount, IReadOnlyList<EscalationDigestUnit> Units);

public sealed record EscalationDigestUnit(string Name, string Code, IReadOnlyList<EscalationDigestTask> Tasks);

/// <summary>One task of a digest; <see cref="TaskId"/> lets the dispatcher leave it out if it closes before the digest goes.</summary>
public sealed record EscalationDigestTask(Guid TaskId, string Title, string Link, string DueLocal, int WorkingDaysLate, int Level, bool Raised, int ChaseCount);
