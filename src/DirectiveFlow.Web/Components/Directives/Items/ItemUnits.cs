using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Infrastructure.Organisation.Queries;
using Mediator;

namespace DirectiveFlow.Web.Components.Directives.Items;

/// <summary>
/// The units the editor's rows name: the name of each code, and for words that are not a code (or a lead the parser
/// was unsure of) the units to pick from: the parser's alternatives, then the organisation's unit search.
/// </summary>
public sealed class ItemUnits
{
    /// <summary>The most look-ups one render makes; rows beyond show their words until the issuer posts again.</summary>
    private const int MaxSearches = 40;

    private const int ChoicesPerSearch = 8;

    private readonly Dictionary<int, IReadOnlyList<UnitChoice>> _leadChoices = [];
    private readonly Dictionary<string, IReadOnlyList<UnitChoice>> _supportingChoices = new(StringComparer.Ordinal);

    private ItemUnits(IReadOnlyDictionary<string, string> names) => Names = names;

    public static ItemUnits None { get; } = new(new Dictionary<string, string>());

    /// <summary>Unit names by code, for every code the rows (and their proposals) name.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    public string? NameOf(string code) => Names.TryGetValue(code, out var name) ? name : null;

    public IReadOnlyList<UnitChoice> LeadChoices(int row) => _leadChoices.GetValueOrDefault(row, []);

    public IReadOnlyList<UnitChoice> SupportingChoices(int row, string entry) => _supportingChoices.GetValueOrDefault($"{row}|{entry}", []);

    /// <param name="issuingUnitId">The issuer: the units offered are those it may give work (its province's, anywhere for a national body).</param>
    public static async Task<ItemUnits> ResolveAsync(IReadOnlyList<ItemRow> rows, Guid? issuingUnitId, ISender sender, CancellationToken cancellationToken)
    {
        var codes = rows.SelectMany(r => r.SupportingEntries.Append(r.Lead)).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        var units = new ItemUnits(await sender.Send(new GetUnitNamesByCodeQuery(codes), cancellationToken));
        var searches = 0;
        async Task<IEnumerable<UnitChoice>> SearchAsync(string words)
        {
            if (searches++ >= MaxSearches)
            {
                return [];
            }

            var found = await sender.Send(new SearchUnitsQuery(words, ChoicesPerSearch, issuingUnitId), cancellationToken);
            return found.Select(u => new UnitChoice(u.Code, u.Name));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var choices = new List<UnitChoice>();
            if (!row.Chosen && row.Proposal?.Lead is { Confidence: < ItemConfidence.Sure } lead && row.Lead == (lead.Code ?? lead.Text))
            {
                choices.AddRange(lead.Alternatives);
            }

            if (row.Lead.Length > 0 && !units.Names.ContainsKey(row.Lead))
            {
                choices.AddRange(await SearchAsync(row.Lead));
            }

            units._leadChoices[i] = Distinct(choices);
            foreach (var entry in row.SupportingEntries.Where(e => !units.Names.ContainsKey(e)))
            {
                var proposed = row.Proposal?.Supporting.Where(s => s.Text == entry).SelectMany(s => s.Alternatives) ?? [];
                units._supportingChoices[$"{i}|{entry}"] = Distinct([.. proposed, .. await SearchAsync(entry)]);
            }
        }

        return units;
    }

    private static List<UnitChoice> Distinct(IEnumerable<UnitChoice> choices) => choices.DistinctBy(c => c.Code, StringComparer.Ordinal).ToList();
}
