using System.Text;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Core.Directives.Items;

/// <summary>
/// Every way the organisation's units are written, folded (<see cref="FoldedText"/>): the official name, the standard
/// variants (UBND / Ủy ban nhân dân, HĐND, MTTQ, without the city's name, "TP"), the "Sở" abbreviations (Sở XD) and a
/// commune's name alone, which names its four pillar units at once. <see cref="ReadAt"/> finds the longest at a place.
/// </summary>
public sealed class UnitNames
{
    private const double Official = 1.0;
    private const double Variant = 0.9;
    private const double Abbreviation = 0.8;

    private static readonly string[][] Synonyms =
    [
        ["Ủy ban nhân dân", "UBND"],
        ["Hội đồng nhân dân", "HĐND"],
        ["Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc", "UBMTTQ", "MTTQ", "Mặt trận Tổ quốc"],
    ];

    private static readonly HashSet<string> NotInitials = new(StringComparer.Ordinal) { "va", "-", "&", "–" };

    private readonly Dictionary<string, Dictionary<string, (ParseUnit Unit, double Weight)>> byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> byFirstWord = new(StringComparer.Ordinal);

    public UnitNames(IEnumerable<ParseUnit> units)
    {
        foreach (var unit in units)
        {
            foreach (var (form, weight) in FormsOf(unit))
            {
                Add(form, unit, weight);
            }

            if (unit is { Level: UnitLevel.Commune, LocalityKind.Length: > 0 })
            {
                Add($"{unit.LocalityKind} {unit.LocalityName}", unit, Official);
                Add(unit.LocalityName, unit, Official);
            }
        }

        foreach (var list in byFirstWord.Values)
        {
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    /// <summary>The longest name that starts at <paramref name="start"/> of the folded text and ends at a word's end.</summary>
    public UnitMention? ReadAt(string folded, int start)
    {
        var firstWord = FirstWord(folded, start);
        if (firstWord.Length == 0 || !byFirstWord.TryGetValue(firstWord, out var aliases))
        {
            return null;
        }

        foreach (var alias in aliases)
        {
            var end = start + alias.Length;
            if (end <= folded.Length && string.CompareOrdinal(folded, start, alias, 0, alias.Length) == 0
                && (end == folded.Length || !char.IsLetterOrDigit(folded[end])))
            {
                var units = byAlias[alias].Values.OrderByDescending(u => u.Weight).ThenBy(u => Preference(u.Unit))
                    .ThenBy(u => u.Unit.Code, StringComparer.Ordinal).ToList();
                return new UnitMention(start, end, units.Select(u => u.Unit).ToList(), units[0].Weight);
            }
        }

        return null;
    }

    private static int Preference(ParseUnit unit) => unit.Pillar == Pillar.Committee ? 0 : unit.Level == UnitLevel.Province ? 1 : 2;

    private static string FirstWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] != ' ')
        {
            end++;
        }

        return text[start..end];
    }

    private void Add(string written, ParseUnit unit, double weight)
    {
        var alias = FoldedText.Fold(Collapse(written));
        if (alias.Length == 0)
        {
            return;
        }

        if (!byAlias.TryGetValue(alias, out var units))
        {
            byAlias[alias] = units = new Dictionary<string, (ParseUnit, double)>(StringComparer.Ordinal);
            var first = FirstWord(alias, 0);
            if (!byFirstWord.TryGetValue(first, out var list))
            {
                byFirstWord[first] = list = [];
            }

            list.Add(alias);
        }

        if (!units.TryGetValue(unit.Code, out var known) || known.Weight < weight)
        {
            units[unit.Code] = (unit, weight);
        }
    }

    private static IEnumerable<(string Form, double Weight)> FormsOf(ParseUnit unit)
    {
        var bases = new List<(string Form, double Weight)> { (unit.Name, Official) };
        if (unit.LocalityKind.Length > 0)
        {
            var core = WithoutSuffix(unit.Name, $"{unit.LocalityKind} {unit.LocalityName}");
            if (core is not null)
            {
                bases.Add(($"{core} {unit.LocalityName}", Variant));
            }
        }
        else
        {
            var shortLocality = WithoutPrefix(unit.LocalityName, "Thành phố ") ?? WithoutPrefix(unit.LocalityName, "Tỉnh ") ?? unit.LocalityName;
            var core = WithoutSuffix(unit.Name, unit.LocalityName) ?? WithoutSuffix(unit.Name, shortLocality);
            if (core is not null)
            {
                var isCity = unit.LocalityName.StartsWith("Thành phố ", StringComparison.Ordinal);
                bases.Add(($"{core} {shortLocality}", Variant));
                bases.Add(($"{core} {(isCity ? "Thành phố" : "Tỉnh")}", Variant));
                bases.Add(($"{core} {(isCity ? "TP" : "tỉnh")} {shortLocality}", Variant));
                if (isCity)
                {
                    bases.Add(($"{core} TP", Variant));
                }

                bases.Add((core, unit.Level == UnitLevel.Province ? Abbreviation : Variant));
                if (Initials(core) is { } initials)
                {
                    bases.Add((initials, Abbreviation));
                }
            }
        }

        foreach (var (form, weight) in bases)
        {
            yield return (form, weight);
            foreach (var group in Synonyms)
            {
                var used = group.FirstOrDefault(s =>
                    form.StartsWith(s + " ", StringComparison.OrdinalIgnoreCase) || form.Equals(s, StringComparison.OrdinalIgnoreCase));
                if (used is null)
                {
                    continue;
                }

                foreach (var other in group.Where(s => !ReferenceEquals(s, used)))
                {
                    yield return (other + form[used.Length..], Math.Min(weight, Variant));
                }
            }
        }

        foreach (var shortName in unit.ShortNames)
        {
            yield return (shortName, Abbreviation);
        }
    }

    /// <summary>"Sở Xây dựng" → "Sở XD", "Sở Khoa học và Công nghệ" → "Sở KHCN"; null for anything else.</summary>
    private static string? Initials(string core)
    {
        if (WithoutPrefix(core, "Sở ") is not { } rest)
        {
            return null;
        }

        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !NotInitials.Contains(FoldedText.Fold(w))).ToList();
        if (words.Count < 2)
        {
            return null;
        }

        var initials = new StringBuilder("Sở ");
        foreach (var word in words)
        {
            initials.Append(char.ToUpperInvariant(word[0]));
        }

        return initials.ToString();
    }

    private static string? WithoutSuffix(string name, string suffix) =>
        name.Length > suffix.Length + 1 && name.EndsWith(" " + suffix, StringComparison.OrdinalIgnoreCase) ? name[..^(suffix.Length + 1)] : null;

    private static string? WithoutPrefix(string name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? name[prefix.Length..] : null;

    internal static string Collapse(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A name found at [<see cref="Start"/>, <see cref="End"/>) of the text and the units it may mean, best first.</summary>
public sealed record UnitMention(int Start, int End, IReadOnlyList<ParseUnit> Units, double Weight);
