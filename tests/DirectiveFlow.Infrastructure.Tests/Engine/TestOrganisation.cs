using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// Hà Nội's organisation for engine tests, loaded from the official commune list: the city (locality 01) and its
/// communes, each with its four pillar units ("{code}-{PILLAR}"), ward pillar units under the city pillar unit.
/// A minimal loader for tests until the foundation's import service is merged.
/// </summary>
public static class TestOrganisation
{
    public static async Task SeedHanoiAsync(DirectiveFlowDbContext db, int? communeLimit = null)
    {
        var city = new Locality { Id = Guid.NewGuid(), Code = "01", Name = "Thành phố Hà Nội", Type = LocalityType.Province };
        db.Localities.Add(city);
        var cityUnits = new Dictionary<Pillar, Guid>();
        foreach (var pillar in Enum.GetValues<Pillar>())
        {
            var unit = Unit(city, pillar, UnitLevel.Province, null, $"{PillarName(pillar)} Thành phố Hà Nội");
            cityUnits[pillar] = unit.Id;
            db.Units.Add(unit);
        }

        var lines = File.ReadAllLines(ReferenceData.HanoiCommunesCsv).Skip(1).Where(l => l.Length > 0);
        foreach (var line in communeLimit is { } limit ? lines.Take(limit) : lines)
        {
            var parts = line.Split(',');
            var commune = new Locality
            {
                Id = Guid.NewGuid(), Code = parts[0], Name = parts[1], ParentId = city.Id,
                Type = parts[2] == "phuong" ? LocalityType.Ward : LocalityType.Commune,
            };
            db.Localities.Add(commune);
            foreach (var pillar in Enum.GetValues<Pillar>())
            {
                db.Units.Add(Unit(commune, pillar, UnitLevel.Commune, cityUnits[pillar], $"{PillarName(pillar)} {parts[1]}"));
            }
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static OrgUnit Unit(Locality locality, Pillar pillar, UnitLevel level, Guid? parentId, string name) => new()
    {
        Id = Guid.NewGuid(), Code = OrgUnit.CodeFor(locality.Code, pillar), Name = name, Pillar = pillar, Level = level,
        ParentId = parentId, LocalityId = locality.Id, LocalityCode = locality.Code,
        HeadEmail = $"head.{locality.Code}.{OrgUnit.PillarCode(pillar).ToLowerInvariant()}@hanoi.gov.vn",
    };

    private static string PillarName(Pillar pillar) => pillar switch
    {
        Pillar.Party => "Đảng ủy",
        Pillar.Council => "HĐND",
        Pillar.Committee => "UBND",
        _ => "Ủy ban MTTQ",
    };
}
