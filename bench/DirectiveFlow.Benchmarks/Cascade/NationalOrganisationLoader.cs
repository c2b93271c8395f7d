using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>
/// A MINIMAL LOADER for the benchmark only (the product's import service lives on the foundation branch): reads
/// vietnam-communes-2025.csv and creates every province and commune with its four pillar units.
/// </summary>
public static class NationalOrganisationLoader
{
    public static async Task<int> LoadAsync(DirectiveFlowDbContext db, string csvPath)
    {
        var provinces = new Dictionary<string, (Locality Locality, Dictionary<Pillar, Guid> Units)>();
        var units = 0;
        foreach (var line in File.ReadLines(csvPath).Skip(1).Where(l => l.Length > 0))
        {
            var p = line.Split(',');
            if (!provinces.TryGetValue(p[0], out var province))
            {
                var locality = new Locality { Id = Guid.NewGuid(), Code = p[0], Name = p[1], Type = LocalityType.Province };
                db.Localities.Add(locality);
                province = (locality, []);
                foreach (var pillar in Enum.GetValues<Pillar>())
                {
                    var unit = Unit(locality, pillar, UnitLevel.Province, null);
                    province.Units[pillar] = unit.Id;
                    db.Units.Add(unit);
                    units++;
                }

                provinces[p[0]] = province;
            }

            var commune = new Locality
            {
                Id = Guid.NewGuid(), Code = p[2], Name = p[3], ParentId = province.Locality.Id,
                Type = p[4] == "phuong" ? LocalityType.Ward : LocalityType.Commune,
            };
            db.Localities.Add(commune);
            foreach (var pillar in Enum.GetValues<Pillar>())
            {
                db.Units.Add(Unit(commune, pillar, UnitLevel.Commune, province.Units[pillar]));
                units++;
            }
        }

        await db.SaveChangesAsync();
        return units;
    }

    private static OrgUnit Unit(Locality locality, Pillar pillar, UnitLevel level, Guid? parentId) => new()
    {
        Id = Guid.NewGuid(), Code = OrgUnit.CodeFor(locality.Code, pillar), Name = $"{OrgUnit.PillarCode(pillar)} {locality.Name}",
        Pillar = pillar, Level = level, ParentId = parentId, LocalityId = locality.Id, LocalityCode = locality.Code,
        HeadEmail = $"head.{locality.Code}.{OrgUnit.PillarCode(pillar).ToLowerInvariant()}@example.gov.vn",
    };
}
