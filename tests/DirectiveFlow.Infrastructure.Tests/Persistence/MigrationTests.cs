using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=unused;Database=unused")]
    [InlineData(DatabaseProvider.SqlServer, "Server=unused;Database=unused")]
    public void Each_provider_has_a_migration_for_the_current_model(DatabaseProvider provider, string connectionString)
    {
        // No connection is opened: the check compares the model with the provider's migration snapshot.
        using var context = new DirectiveFlowDbContext(DbContextOptionsFactory.Create(provider, connectionString));
        Assert.False(context.Database.HasPendingModelChanges(), $"{provider}: run scripts/regenerate-migrations.sh");
    }
}
