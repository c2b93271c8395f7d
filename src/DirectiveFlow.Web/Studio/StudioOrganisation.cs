using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Studio;

/// <summary>The organisation as the studio's unit pickers see it: active units searched by code or name.</summary>
public sealed class StudioOrganisation(IDbContextFactory<DirectiveFlowDbContext> contexts)
{
    public sealed record UnitOption(string Code, string Name, Pillar Pillar, UnitLevel Level);

    public async Task<IReadOnlyList<UnitOption>> SearchAsync(string? text, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Units.AsNoTracking().Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim();
            query = query.Where(u => u.Code.Contains(term) || u.Name.Contains(term));
        }

        return await query.OrderBy(u => u.Level).ThenBy(u => u.Code).Take(take)
            .Select(u => new UnitOption(u.Code, u.Name, u.Pillar, u.Level))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
    }

    public static string PillarLabel(string code) => code switch
    {
        "PARTY" => StudioText.L("Đảng", "Party"),
        "COUNCIL" => StudioText.L("HĐND", "People's Council"),
        "COMMITTEE" => StudioText.L("UBND", "People's Committee"),
        "FRONT" => StudioText.L("MTTQ", "Fatherland Front"),
        _ => code,
    };

    public static string LevelLabel(string level) => level switch
    {
        "province" => StudioText.L("Cấp tỉnh/thành phố", "Province/city"),
        "commune" => StudioText.L("Cấp xã/phường", "Commune/ward"),
        "subunit" => StudioText.L("Đơn vị trực thuộc", "Sub-unit"),
        _ => level,
    };
}
