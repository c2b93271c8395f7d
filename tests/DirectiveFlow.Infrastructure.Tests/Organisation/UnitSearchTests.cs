using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Organisation.Queries;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tests.Engine;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Organisation;

/// <summary>
/// Officials find a unit whatever case and diacritics they type: the unit pickers (<see cref="SearchUnitsQuery"/>: the
/// studio, an item's lead unit) and the administrators' unit list (<see cref="UnitDirectory"/>) match the stored folded
/// key (<see cref="Core.Organisation.OrgUnit.SearchKey"/>), which follows a renamed unit and is written for units a
/// database held before the key existed.
/// </summary>
public sealed class UnitSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_is_found_whatever_case_and_diacritics_are_typed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 3); // Ba Đình, Ngọc Hà, Giảng Võ
        }

        var search = new SearchUnitsHandler(database.ContextFactory());
        foreach (var typed in new[] { "Ba Đình", "ba đình", "BA ĐÌNH", "ba dinh", "Ba Dinh" })
        {
            var found = await search.Handle(new SearchUnitsQuery(typed, 10), Ct);
            Assert.Equal(
                new[] { "Đảng ủy Ba Đình", "HĐND Ba Đình", "UBND Ba Đình", "Ủy ban MTTQ Ba Đình" }.Order(StringComparer.Ordinal),
                found.Select(u => u.Name).Order(StringComparer.Ordinal));
        }

        Assert.Equal(["00004-PARTY"], (await search.Handle(new SearchUnitsQuery("00004-party", 10), Ct)).Select(u => u.Code));
        Assert.Equal(4, (await search.Handle(new SearchUnitsQuery("dang uy", 10), Ct)).Count); // the city's and three communes'
        Assert.Empty(await search.Handle(new SearchUnitsQuery("Hoàn Kiếm", 10), Ct));

        await using var read = database.CreateContext();
        var listed = await new UnitDirectory(read).ListAsync(new UnitFilter(Text: "ubnd ngoc ha"), new PageRequest(1, 50), Ct);
        Assert.Equal(["UBND Ngọc Hà"], listed.Items.Select(u => u.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_renamed_unit_is_found_by_its_new_name_and_keys_missing_from_an_older_database_are_written(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 1);
            var unit = await db.Units.SingleAsync(u => u.Code == "00004-COMMITTEE", Ct);
            unit.Name = "Ủy ban nhân dân phường Ba Đình";
            await db.SaveChangesAsync(Ct);
        }

        var search = new SearchUnitsHandler(database.ContextFactory());
        Assert.Equal(["00004-COMMITTEE"], (await search.Handle(new SearchUnitsQuery("uy ban nhan dan", 10), Ct)).Select(u => u.Code));

        // A database migrated from before the key: the column holds its default, and the units are found by nothing.
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Units\" SET \"SearchKey\" = ''", Ct);
        }

        Assert.Empty(await search.Handle(new SearchUnitsQuery("ba dinh", 10), Ct));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(8, await SearchKeys.FillAsync(db, Ct)); // the city's four pillar units and Ba Đình's four
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await SearchKeys.FillAsync(db, Ct));
        }

        Assert.Equal(4, (await search.Handle(new SearchUnitsQuery("ba dinh", 10), Ct)).Count);
        Assert.Equal(["00004-COMMITTEE"], (await search.Handle(new SearchUnitsQuery("UY BAN NHAN DAN", 10), Ct)).Select(u => u.Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_issuers_search_offers_only_units_it_may_give_work_and_a_national_body_every_province(string provider)
    {
        // Regression: the item editor's unit look-up searched every province, offering units the issue then refused.
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid hanoiIssuer, danangIssuer, national;
        await using (var db = database.CreateContext())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 1); // Ba Đình
            var danang = new Core.Organisation.Locality { Id = Guid.NewGuid(), Code = "48", Name = "Thành phố Đà Nẵng", Type = Core.Organisation.LocalityType.Province };
            var country = new Core.Organisation.Locality { Id = Guid.NewGuid(), Code = "00", Name = "Việt Nam", Type = Core.Organisation.LocalityType.Country };
            db.Localities.AddRange(danang, country);
            var danangUnit = TestOrganisation.Unit(danang, Core.Organisation.Pillar.Committee, Core.Organisation.UnitLevel.Province, null, "UBND Thành phố Đà Nẵng");
            var government = TestOrganisation.Unit(country, Core.Organisation.Pillar.Committee, Core.Organisation.UnitLevel.Province, null, "Chính phủ");
            db.Units.AddRange(danangUnit, government);
            await db.SaveChangesAsync(Ct);
            (danangIssuer, national) = (danangUnit.Id, government.Id);
            hanoiIssuer = await db.Units.Where(u => u.Code == "01-COMMITTEE").Select(u => u.Id).SingleAsync(Ct);
        }

        var search = new SearchUnitsHandler(database.ContextFactory());
        async Task<List<string>> CodesAsync(Guid? issuer) =>
            (await search.Handle(new SearchUnitsQuery("ubnd", 20, issuer), Ct)).Select(u => u.Code).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["00004-COMMITTEE", "01-COMMITTEE"], await CodesAsync(hanoiIssuer));
        Assert.Equal(["48-COMMITTEE"], await CodesAsync(danangIssuer));
        Assert.Equal(["00004-COMMITTEE", "01-COMMITTEE", "48-COMMITTEE"], await CodesAsync(national));
        Assert.Equal(["00004-COMMITTEE", "01-COMMITTEE", "48-COMMITTEE"], await CodesAsync(null));
    }
}
