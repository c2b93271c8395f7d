using DirectiveFlow.Core.Organisation;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Persistence;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrated_database_stores_and_filters_units_with_Vietnamese_names(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            var locality = new Locality { Id = Guid.NewGuid(), Code = "00070", Name = "Hoàn Kiếm", Type = LocalityType.Ward };
            context.Localities.Add(locality);
            context.Units.Add(new OrgUnit
            {
                Id = Guid.NewGuid(), Code = "00070-PARTY", Name = "Đảng ủy phường Hoàn Kiếm", Pillar = Pillar.Party,
                Level = UnitLevel.Commune, LocalityId = locality.Id, LocalityCode = "00070",
            });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = db.CreateContext();
        var unit = await read.Units.SingleAsync(u => u.Pillar == Pillar.Party && u.Level == UnitLevel.Commune, TestContext.Current.CancellationToken);
        Assert.Equal("Đảng ủy phường Hoàn Kiếm", unit.Name);
    }
}
