using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Directives.Items;

namespace DirectiveFlow.Web.Components.Directives.Items;

/// <summary>
/// One row of the item editor as the issuer is writing it: the texts of its fields, and, when it came from a pasted
/// conclusion, what the parser proposed (kept so the row still shows what it matched and how sure it was).
/// </summary>
public sealed class ItemRow
{
    public string Number { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>The lead unit's code, or words to search for one.</summary>
    public string Lead { get; set; } = "";

    /// <summary>The supporting units: codes (or words to search for one), separated by commas.</summary>
    public string Supporting { get; set; } = "";

    /// <summary>A day (dd/MM/yyyy) or a number of working days; empty for the flow's own deadline.</summary>
    public string Deadline { get; set; } = "";

    public bool Periodic { get; set; }

    public DirectivePriority? Priority { get; set; }

    /// <summary>What the pasted conclusion proposed for this row (its content left out: the row carries it).</summary>
    public ProposedItem? Proposal { get; set; }

    /// <summary>The issuer picked the lead among the proposed or found units.</summary>
    public bool Chosen { get; set; }

    public bool IsEmpty => Content.Length == 0 && Lead.Length == 0 && Supporting.Length == 0 && Deadline.Length == 0;

    /// <summary>
    /// A lead the parser was unsure of (below 0.5: "cần chọn") that the issuer has neither picked nor changed: the row
    /// blocks issuing until they do.
    /// </summary>
    public bool NeedsChoice => !Chosen && Proposal?.Lead is { Confidence: < ItemConfidence.Check } lead
        && string.Equals(Lead, lead.Code ?? lead.Text, StringComparison.Ordinal);

    /// <summary>The supporting entries as typed, in order, without blanks.</summary>
    public IReadOnlyList<string> SupportingEntries =>
        Supporting.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A row filled from one proposal of the parser.</summary>
    public static ItemRow From(ProposedItem item) => new()
    {
        Number = item.Number,
        Content = item.Content,
        Lead = item.Lead is { } lead ? lead.Code ?? lead.Text : "",
        Supporting = string.Join(", ", item.Supporting.Select(s => s.Code ?? s.Text)),
        Deadline = item.Deadline is { Kind: not (DeadlineKind.None or DeadlineKind.Periodic), Date: { } day } ? Localization.UiFormat.Date(day) : "",
        Periodic = item.Deadline.Kind == DeadlineKind.Periodic,
        Proposal = item with { Content = "" },
    };
}
