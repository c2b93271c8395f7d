using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Workflows;

public sealed class SelectorQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Party_conclusion_targets_the_four_city_pillar_units_and_never_a_department(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var seed = db.CreateContext())
        {
            var city = new Locality { Id = Guid.NewGuid(), Code = "01", Name = "Thành phố Hà Nội", Type = LocalityType.Province };
            var ward = new Locality { Id = Guid.NewGuid(), Code = "00070", Name = "Hoàn Kiếm", Type = LocalityType.Ward, ParentId = city.Id };
            seed.Localities.AddRange(city, ward);
            foreach (var pillar in Enum.GetValues<Pillar>())
            {
                seed.Units.Add(Unit(OrgUnit.CodeFor("01", pillar), pillar, UnitLevel.Province, OrgUnitKind.PillarUnit, city));
                seed.Units.Add(Unit(OrgUnit.CodeFor("00070", pillar), pillar, UnitLevel.Commune, OrgUnitKind.PillarUnit, ward));
            }

            seed.Units.Add(Unit("01-COMMITTEE-SXD", Pillar.Committee, UnitLevel.SubUnit, OrgUnitKind.Department, city));
            seed.Units.Add(Unit("01-COMMITTEE-OLD", Pillar.Committee, UnitLevel.Province, OrgUnitKind.Department, city));
            var inactive = Unit("01-FRONT-X", Pillar.Front, UnitLevel.Province, OrgUnitKind.PillarUnit, city);
            inactive.IsActive = false;
            seed.Units.Add(inactive);
            await seed.SaveChangesAsync(Ct);
        }

        var flow = WorkflowDefinitionSerializer.Deserialize(DefinitionJson.Shipped("party-conclusion.json"));
        var targets = CascadeProperties.From(flow.Activities.Single(a => a.Id == "city-pillars")).Targets;
        await using var context = db.CreateContext();

        var codes = await targets.ApplyFilters(context.Units).Select(u => u.Code).OrderBy(c => c).ToListAsync(Ct);

        Assert.Equal(["01-COMMITTEE", "01-COUNCIL", "01-FRONT", "01-PARTY"], codes);
    }

    private static OrgUnit Unit(string code, Pillar pillar, UnitLevel level, OrgUnitKind kind, Locality locality) => new()
    {
        Id = Guid.NewGuid(), Code = code, Name = code, Pillar = pillar, Level = level, Kind = kind,
        LocalityId = locality.Id, LocalityCode = locality.Code,
    };
}
