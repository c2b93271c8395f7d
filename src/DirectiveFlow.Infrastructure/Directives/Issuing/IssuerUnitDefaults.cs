using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>
/// A flow's unit-input defaults as they apply to one issuer. The shipped flows were written for Hà Nội (the committee
/// flow's <c>leadUnit</c> and the Front's <c>addressedUnits</c> default to 01-COMMITTEE); with the national list
/// imported, a default code outside the issuer's reach (<see cref="Provinces.ActiveInReachAsync"/>) means the same
/// body of the issuer's own province: the province-level pillar unit of the same pillar (48-COMMITTEE for Đà Nẵng).
/// A code with no such unit is left out. Only the inputs whose default changes are returned: the new code(s), or null
/// when none is left (the form then shows the field empty, and the issue command leaves it empty too: a required input
/// is then asked for, never refused by a code the issuer was not shown).
/// </summary>
public static class IssuerUnitDefaults
{
    public static async Task<Dictionary<string, JsonNode?>> ForAsync(
        DirectiveFlowDbContext db, IEnumerable<WorkflowInput> inputs, Guid issuingUnitId, CancellationToken cancellationToken)
    {
        var withDefaults = inputs.Where(i => i.Type == "unit" && i.Default is not null)
            .Select(i => (i.Name, Codes: Codes(i.Default!), IsList: i.Default is JsonArray)).Where(i => i.Codes.Count > 0).ToList();
        var codes = withDefaults.SelectMany(i => i.Codes).Distinct(StringComparer.Ordinal).ToList();
        var reach = await Provinces.ActiveInReachAsync(db, codes, issuingUnitId, cancellationToken);
        var outside = reach.Where(r => !r.Value.InReach).Select(r => r.Key).ToList();
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (outside.Count == 0 || await Provinces.PlaceOfAsync(db, issuingUnitId, cancellationToken) is not { } issuer)
        {
            return result;
        }

        var ownCodes = await OwnCounterpartsAsync(db, outside, issuer.ProvinceId, cancellationToken);
        foreach (var (name, defaults, isList) in withDefaults.Where(i => i.Codes.Any(outside.Contains)))
        {
            var local = defaults.Select(c => outside.Contains(c) ? ownCodes.GetValueOrDefault(c) : c).OfType<string>()
                .Distinct(StringComparer.Ordinal).ToList();
            result[name] = local.Count == 0 ? null
                : isList ? new JsonArray(local.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray())
                : JsonValue.Create(local[0]);
        }

        return result;
    }

    /// <summary>For each province-level pillar unit among <paramref name="codes"/>, its pillar's unit in the issuer's province.</summary>
    private static async Task<Dictionary<string, string>> OwnCounterpartsAsync(
        DirectiveFlowDbContext db, List<string> codes, Guid provinceId, CancellationToken cancellationToken)
    {
        var foreign = await db.Units.AsNoTracking()
            .Where(u => codes.Contains(u.Code) && u.Level == UnitLevel.Province && u.Kind == OrgUnitKind.PillarUnit)
            .Select(u => new { u.Code, u.Pillar }).ToListAsync(cancellationToken);
        var own = await db.Units.AsNoTracking()
            .Where(u => u.LocalityId == provinceId && u.IsActive && u.Level == UnitLevel.Province && u.Kind == OrgUnitKind.PillarUnit)
            .Select(u => new { u.Code, u.Pillar }).ToListAsync(cancellationToken);
        return foreign.Where(f => own.Count(o => o.Pillar == f.Pillar) == 1)
            .ToDictionary(f => f.Code, f => own.Single(o => o.Pillar == f.Pillar).Code, StringComparer.Ordinal);
    }

    private static List<string> Codes(JsonNode value) => value switch
    {
        JsonArray array => array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };
}
