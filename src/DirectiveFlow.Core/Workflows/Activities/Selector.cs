using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// Which units a Cascade targets or a UnitTask assigns. At most one base key picks a set — <see cref="Units"/>,
/// <see cref="CounterpartsOf"/>, <see cref="ChildrenOf"/>, <see cref="Input"/> or (a Cascade only) <see cref="Items"/> — and <see cref="Pillars"/>,
/// <see cref="Levels"/> and <see cref="Kinds"/> filter it. No base key means every active unit, filtered.
/// JSON: <c>{"units": [...]} | {"counterpartsOf": "branch"|"issuer"|"&lt;code&gt;"} | {"childrenOf": …} | {"input": "name"} | {"items": "name"}</c>
/// plus <c>"pillars": ["PARTY","COUNCIL","COMMITTEE","FRONT"]</c>, <c>"levels": ["province","commune","subunit"]</c>,
/// <c>"kinds": ["pillar","department","memberOrganisation","residentialGroup"]</c>.
/// </summary>
/// <remarks>
/// <c>kinds</c> keeps departments, Front member organisations and residential groups out of a selection of pillar
/// units (e.g. <c>{"levels":["province"],"kinds":["pillar"]}</c> is the city's four pillar units, never a Sở).
/// </remarks>
public sealed record Selector
{
    /// <summary>Reference to the unit the enclosing cascade branch runs for.</summary>
    public const string Branch = "branch";

    /// <summary>Reference to the directive's issuing unit.</summary>
    public const string Issuer = "issuer";

    /// <summary>Explicit unit codes, e.g. <c>01-COMMITTEE</c>.</summary>
    public IReadOnlyList<string>? Units { get; init; }

    /// <summary>
    /// Active commune-level units of X's pillar within X's province ("branch", "issuer" or a unit code). Every unit of one
    /// pillar in one province (its pillar unit, its departments) has the same counterparts, so in a nested cascade two
    /// branches may name the same communes: each gets the work once, from the run that reached it first; the later run
    /// neither gives nor awaits it (the engine's CascadeBranchWriter).
    /// </summary>
    public string? CounterpartsOf { get; init; }

    /// <summary>Active units whose parent is X ("branch", "issuer" or a unit code).</summary>
    public string? ChildrenOf { get; init; }

    /// <summary>The name of a directive input holding a unit code or an array of unit codes.</summary>
    public string? Input { get; init; }

    /// <summary>
    /// The name of the directive's "items" input: one branch per item of the document, in its order, each run for the
    /// item's lead unit (an itemized conclusion). The filters do not apply: the issuer named each lead.
    /// </summary>
    public string? Items { get; init; }

    public IReadOnlyList<Pillar>? Pillars { get; init; }

    public IReadOnlyList<UnitLevel>? Levels { get; init; }

    public IReadOnlyList<OrgUnitKind>? Kinds { get; init; }

    /// <summary>True when no base key is set: the base set is every active unit.</summary>
    public bool IsAllUnits => Units is null && CounterpartsOf is null && ChildrenOf is null && Input is null && Items is null;

    /// <summary>Reads a selector; null when <paramref name="json"/> is null.</summary>
    public static Selector? FromJson(JsonObject? json) => json is null ? null : Read(new PropertyReader(json, ""));

    /// <summary>Whether <paramref name="unit"/> passes the pillar, level and kind filters (not the base set).</summary>
    public bool Matches(OrgUnit unit) => Matches(unit.IsActive, unit.Pillar, unit.Level, unit.Kind);

    /// <summary>Whether a unit with these fields passes the pillar, level and kind filters (not the base set).</summary>
    public bool Matches(bool isActive, Pillar pillar, UnitLevel level, OrgUnitKind kind) =>
        isActive
        && (Pillars is null || Pillars.Contains(pillar))
        && (Levels is null || Levels.Contains(level))
        && (Kinds is null || Kinds.Contains(kind));

    /// <summary>Applies the active, pillar, level and kind filters as a translatable query.</summary>
    public IQueryable<OrgUnit> ApplyFilters(IQueryable<OrgUnit> units)
    {
        units = units.Where(u => u.IsActive);
        if (Pillars is { } pillars)
        {
            var list = pillars.ToList();
            units = units.Where(u => list.Contains(u.Pillar));
        }

        if (Levels is { } levels)
        {
            var list = levels.ToList();
            units = units.Where(u => list.Contains(u.Level));
        }

        if (Kinds is { } kinds)
        {
            var list = kinds.ToList();
            units = units.Where(u => list.Contains(u.Kind));
        }

        return units;
    }

    internal static Selector? Read(PropertyReader parent, string name)
    {
        var reader = parent.Object(name);
        return reader.Node is null ? null : Read(reader);
    }

    private static Selector Read(PropertyReader reader)
    {
        var selector = new Selector
        {
            Units = reader.Strings("units"),
            CounterpartsOf = reader.String("counterpartsOf"),
            ChildrenOf = reader.String("childrenOf"),
            Input = reader.String("input"),
            Items = reader.String("items"),
            Pillars = ParseAll<Pillar>(reader, "pillars", UnitVocabulary.TryParsePillar),
            Levels = ParseAll<UnitLevel>(reader, "levels", UnitVocabulary.TryParseLevel),
            Kinds = ParseAll<OrgUnitKind>(reader, "kinds", UnitVocabulary.TryParseKind),
        };
        var bases = new[]
        {
            selector.Units is not null, selector.CounterpartsOf is not null, selector.ChildrenOf is not null, selector.Input is not null,
            selector.Items is not null,
        };
        if (bases.Count(b => b) > 1)
        {
            throw new ActivityPropertiesException(reader.PathOf("units"),
                ErrorCodes.PropertyAtMostOneOf, "units, counterpartsOf, childrenOf, input, items");
        }

        return selector;
    }

    private static List<T>? ParseAll<T>(PropertyReader reader, string name, TryParse<T> parse)
        where T : struct
    {
        var raw = reader.Strings(name);
        if (raw is null)
        {
            return null;
        }

        var result = new List<T>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            result.Add(parse(raw[i], out var value)
                ? value
                : throw new ActivityPropertiesException($"{reader.PathOf(name)}[{i}]", ErrorCodes.PropertyUnknownValue, raw[i]));
        }

        return result;
    }

    private delegate bool TryParse<T>(string text, out T value);
}
