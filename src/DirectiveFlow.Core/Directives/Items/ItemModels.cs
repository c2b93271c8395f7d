using System.Text.Json.Serialization;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Core.Directives.Items;

/// <summary>
/// One unit of the organisation the parser may name: its code and official name, its level and pillar, the locality it
/// sits in as officials write it ("Thành phố Hà Nội", or "Hoàn Kiếm" of kind "phường"), and any further short names.
/// </summary>
public sealed record ParseUnit(
    string Code,
    string Name,
    UnitLevel Level,
    Pillar Pillar,
    string LocalityName,
    string LocalityKind,
    IReadOnlyList<string> ShortNames);

/// <summary>A unit a mention may mean: its code and official name.</summary>
public sealed record UnitChoice(string Code, string Name);

/// <summary>
/// A unit named in an item, as written, with the unit it was matched to (null when none) and how sure the match is:
/// <see cref="UnitProposal.Confidence"/> is 1 for the unit's official name, 0.9 for a standard variant ("UBND" for
/// "Ủy ban nhân dân", without the city's name), 0.8 for an abbreviation ("Sở XD") or a bare pillar name ("UBND"),
/// each times 0.9 when written without diacritics and times 0.9 when a lead is guessed without "chủ trì" or fills
/// only part of the words before it; a name several units share gets 1 ÷ their number (at most 0.4)
/// and lists them all in <see cref="Alternatives"/>; 0 when nothing matched. At 0.8 or more the match can be taken
/// as it is; below 0.5 the issuer has to choose.
/// </summary>
public sealed record UnitProposal(string Text, string? Code, string? Name, double Confidence, IReadOnlyList<UnitChoice> Alternatives);

/// <summary>What kind of deadline an item sets.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    /// <summary>No deadline was found.</summary>
    None = 0,

    /// <summary>A day: "trước ngày 15/12/2026", "chậm nhất ngày 15 tháng 12 năm 2026".</summary>
    Date = 1,

    /// <summary>A month: "trong tháng 12/2026" (the date is its last day).</summary>
    Month = 2,

    /// <summary>A quarter: "trong quý I/2027" (the date is its last day).</summary>
    Quarter = 3,

    /// <summary>A year: "trong năm 2027" (the date is 31/12).</summary>
    Year = 4,

    /// <summary>No fixed day: "thường xuyên", "định kỳ", "hằng tháng" (periodic reports).</summary>
    Periodic = 5,
}

/// <summary>An item's deadline: its kind, the last day it allows (null for none and periodic) and the words as written.</summary>
public sealed record ProposedDeadline(DeadlineKind Kind, DateOnly? Date, string? Text);

/// <summary>
/// One item proposed from a pasted conclusion: its number as in the document ("1", "1.2", "a"), its content, its lead
/// unit, its supporting units, its deadline and what the issuer should look at (<see cref="ItemWarnings"/>).
/// </summary>
public sealed record ProposedItem(
    string Number,
    string Content,
    UnitProposal? Lead,
    IReadOnlyList<UnitProposal> Supporting,
    ProposedDeadline Deadline,
    IReadOnlyList<string> Warnings);

/// <summary>The warnings a proposed item may carry; stable codes a page translates.</summary>
public static class ItemWarnings
{
    /// <summary>No lead unit was found ("Giao X chủ trì", "X chủ trì").</summary>
    public const string LeadNotFound = "lead-not-found";

    /// <summary>A unit was named that the organisation does not have.</summary>
    public const string UnitNotFound = "unit-not-found";

    /// <summary>A name several units share ("Hoàn Kiếm" alone): the best guess is proposed with its alternatives.</summary>
    public const string UnitAmbiguous = "unit-ambiguous";

    /// <summary>A group rather than a unit ("các phường liên quan"): the issuer names the units.</summary>
    public const string UnitGroup = "unit-group";

    /// <summary>No deadline was found.</summary>
    public const string DeadlineMissing = "deadline-missing";

    /// <summary>A deadline was written that is not a real day (31/02/2027).</summary>
    public const string DeadlineInvalid = "deadline-invalid";
}
