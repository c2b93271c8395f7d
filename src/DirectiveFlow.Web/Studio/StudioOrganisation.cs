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
        "PARTY" => StudioText.L("Studio.Party"),
        "COUNCIL" => StudioText.L("Studio.PeopleSCouncil"),
        "COMMITTEE" => StudioText.L("Studio.PeopleSCommittee"),
        "FRONT" => StudioText.L("Studio.FatherlandFront"),
        _ => code,
    };

    public static string LevelLabel(string level) => level switch
    {
        "province" => StudioText.L("Studio.ProvinceCity"),
        "commune" => StudioText.L("Studio.CommuneWard"),
        "subunit" => StudioText.L("Studio.SubUnit"),
        _ => level,
    };
}
