using System.Diagnostics;
using System.Text;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Organisation.Import;

public sealed class OrganisationImporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task National_list_creates_every_locality_with_four_pillar_units_and_a_second_import_changes_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var csv = await File.ReadAllBytesAsync(ReferenceData.VietnamCommunesCsv, Ct);

        var clock = Stopwatch.StartNew();
        await using (var context = db.CreateContext())
        {
            var first = await ImporterFactory.Create(context).ImportAsync(csv, Ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: national import (3,321 communes, 13,424 units) took {clock.ElapsedMilliseconds} ms");
            Assert.True(first.Succeeded);
            Assert.Equal((3321, 0, 0), (first.Communes.Created, first.Communes.Updated, first.Communes.Unchanged));
            Assert.Equal(34, first.Provinces.Created);
            Assert.Equal(13420 + 4, first.Units.Created); // with the four national bodies
        }

        clock.Restart();
        await using (var context = db.CreateContext())
        {
            var second = await ImporterFactory.Create(context).ImportAsync(csv, Ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: re-import (all unchanged) took {clock.ElapsedMilliseconds} ms");
            Assert.Equal((0, 0, 3321), (second.Communes.Created, second.Communes.Updated, second.Communes.Unchanged));
            Assert.Equal((0, 0, 34), (second.Provinces.Created, second.Provinces.Updated, second.Provinces.Unchanged));
            Assert.Equal(13424, second.Units.Unchanged);
        }

        await using var read = db.CreateContext();
        Assert.Equal(3355 + 1, await read.Localities.CountAsync(Ct));
        Assert.Equal(3321 * 4, await read.Units.CountAsync(u => u.Level == UnitLevel.Commune, Ct));
        var hcm = await read.Units.SingleAsync(u => u.Code == "79-PARTY", Ct);
        Assert.Equal("Thành ủy Hồ Chí Minh", hcm.Name);
        Assert.Equal("UBND Tỉnh Cao Bằng", (await read.Units.SingleAsync(u => u.Code == "04-COMMITTEE", Ct)).Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Hanoi_list_puts_504_ward_units_under_the_city_unit_of_their_pillar(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            var result = await ImporterFactory.Create(context).ImportAsync(await File.ReadAllBytesAsync(ReferenceData.HanoiCommunesCsv, Ct), Ct);
            Assert.Equal(126, result.Communes.Created);
        }

        await using var read = db.CreateContext();
        var units = await read.Units.AsNoTracking().ToListAsync(Ct);
        var city = units.Where(u => u.Level == UnitLevel.Province).ToDictionary(u => u.Pillar);
        var wards = units.Where(u => u.Level == UnitLevel.Commune).ToList();
        Assert.Equal(504, wards.Count);
        Assert.All(wards, w => Assert.Equal(city[w.Pillar].Id, w.ParentId));
        Assert.Equal(
            ["Thành ủy Hà Nội", "HĐND Thành phố Hà Nội", "UBND Thành phố Hà Nội", "Ủy ban MTTQ Thành phố Hà Nội"],
            new[] { Pillar.Party, Pillar.Council, Pillar.Committee, Pillar.Front }.Select(p => city[p].Name));
        Assert.Equal("Đảng ủy phường Hoàn Kiếm", wards.Single(u => u.Code == "00070-PARTY").Name);
        Assert.Equal("Ủy ban nhân dân phường Tây Tựu", wards.Single(u => u.Code == "00613-COMMITTEE").Name);
        Assert.Contains(wards, u => u.Name.StartsWith("Hội đồng nhân dân xã ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_one_bad_row_writes_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var lines = (await File.ReadAllLinesAsync(ReferenceData.HanoiCommunesCsv, Ct)).ToList();
        lines[60] = lines[60].Split(',')[0] + ",,xa";

        await using var context = db.CreateContext();
        var result = await ImporterFactory.Create(context).ImportAsync(Encoding.UTF8.GetBytes(string.Join('\n', lines)), Ct);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(61, problem.Line);
        Assert.Equal(0, await context.Localities.CountAsync(Ct));
        Assert.Equal(0, await context.Units.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_renamed_commune_is_updated_with_its_units_and_the_rest_is_unchanged(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string Before = "code,name,type\n00070,Hoàn Kiếm,phuong\n00004,Ba Đình,phuong\n";
        const string After = "code,name,type\n00070,Hoàn Kiếm,phuong\n00004,Ba Đình Mới,xa\n";
        await using (var context = db.CreateContext())
        {
            await ImporterFactory.Create(context).ImportAsync(Encoding.UTF8.GetBytes(Before), Ct);
        }

        await using (var context = db.CreateContext())
        {
            var result = await ImporterFactory.Create(context).ImportAsync(Encoding.UTF8.GetBytes(After), Ct);
            Assert.Equal((0, 1, 1), (result.Communes.Created, result.Communes.Updated, result.Communes.Unchanged));
            Assert.Equal(4, result.Units.Updated);
        }

        await using var read = db.CreateContext();
        Assert.Equal("Ủy ban MTTQ xã Ba Đình Mới", (await read.Units.SingleAsync(u => u.Code == "00004-FRONT", Ct)).Name);
        Assert.Equal(LocalityType.Commune, (await read.Localities.SingleAsync(l => l.Code == "00004", Ct)).Type);
    }

    [Fact]
    public async Task Hanoi_then_national_leaves_the_Hanoi_communes_unchanged()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();
        await using (var context = db.CreateContext())
        {
            await ImporterFactory.Create(context).ImportAsync(await File.ReadAllBytesAsync(ReferenceData.HanoiCommunesCsv, Ct), Ct);
        }

        await using var again = db.CreateContext();
        var result = await ImporterFactory.Create(again).ImportAsync(await File.ReadAllBytesAsync(ReferenceData.VietnamCommunesCsv, Ct), Ct);

        Assert.Equal((3321 - 126, 0, 126), (result.Communes.Created, result.Communes.Updated, result.Communes.Unchanged));
    }
}
