using System.Text;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Organisation.Import;

/// <summary>Issue 16 §1: the national list puts the four pillars' national bodies above the provinces' pillar units.</summary>
public sealed class NationalTierImportTests
{
    /// <summary>Two provinces, two wards each: the smallest list with a national tier (also used by the engine's national tests).</summary>
    internal const string TwoProvinces = """
        province_code,province_name,code,name,type
        01,Thành phố Hà Nội,00004,Ba Đình,phuong
        01,Thành phố Hà Nội,00008,Ngọc Hà,phuong
        48,Thành phố Đà Nẵng,20194,Hải Châu,phuong
        48,Thành phố Đà Nẵng,20200,Thanh Khê,phuong
        """;

    private const string HanoiOnly = "code,name,type\n00004,Ba Đình,phuong\n00008,Ngọc Hà,phuong\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_list_of_several_provinces_puts_each_province_pillar_unit_under_its_national_body_and_a_second_import_changes_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            var first = await ImporterFactory.Create(context).ImportAsync(Bytes(TwoProvinces), Ct);
            Assert.True(first.Succeeded);
            Assert.Equal(4 + (2 * 4) + (4 * 4), first.Units.Created);
        }

        await using (var context = db.CreateContext())
        {
            var second = await ImporterFactory.Create(context).ImportAsync(Bytes(TwoProvinces), Ct);
            Assert.Equal((0, 0, 28), (second.Units.Created, second.Units.Updated, second.Units.Unchanged));
        }

        await using var read = db.CreateContext();
        var country = await read.Localities.SingleAsync(l => l.Code == NationalTier.LocalityCode, Ct);
        Assert.Equal((LocalityType.Country, (Guid?)null), (country.Type, country.ParentId));
        var national = await read.Units.Where(u => u.Level == UnitLevel.National).ToDictionaryAsync(u => u.Pillar, Ct);
        Assert.Equal(
            ["Ban Chấp hành Trung ương Đảng", "Quốc hội", "Chính phủ", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"],
            new[] { Pillar.Party, Pillar.Council, Pillar.Committee, Pillar.Front }.Select(p => national[p].Name));
        Assert.All(national.Values, u => Assert.Equal((country.Id, (Guid?)null, OrgUnitKind.PillarUnit), (u.LocalityId, u.ParentId, u.Kind)));
        Assert.Equal("VN-COMMITTEE", national[Pillar.Committee].Code);

        var provinceUnits = await read.Units.Where(u => u.Level == UnitLevel.Province).ToListAsync(Ct);
        Assert.Equal(8, provinceUnits.Count);
        Assert.All(provinceUnits, u => Assert.Equal(national[u.Pillar].Id, u.ParentId));
        // Below the provinces nothing moved: a commune's unit is still under its province's unit of the same pillar.
        var hanoiParty = provinceUnits.Single(u => u.Code == "01-PARTY");
        Assert.Equal(hanoiParty.Id, (await read.Units.SingleAsync(u => u.Code == "00004-PARTY", Ct)).ParentId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_one_province_file_makes_no_national_tier_but_keeps_one_that_exists(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            await ImporterFactory.Create(context).ImportAsync(Bytes(HanoiOnly), Ct);
            Assert.False(await context.Units.AnyAsync(u => u.Level == UnitLevel.National, Ct));
            Assert.Null((await context.Units.SingleAsync(u => u.Code == "01-PARTY", Ct)).ParentId);
        }

        await using (var context = db.CreateContext())
        {
            var national = await ImporterFactory.Create(context).ImportAsync(Bytes(TwoProvinces), Ct);
            // Hà Nội's four pillar units gain their parent; Đà Nẵng's are new.
            Assert.Equal((4 + 4 + 8, 4), (national.Units.Created, national.Units.Updated));
        }

        await using (var context = db.CreateContext())
        {
            var again = await ImporterFactory.Create(context).ImportAsync(Bytes(HanoiOnly), Ct);
            Assert.Equal((0, 0), (again.Units.Created, again.Units.Updated));
        }

        await using var read = db.CreateContext();
        var party = await read.Units.SingleAsync(u => u.Code == "VN-PARTY", Ct);
        Assert.Equal(party.Id, (await read.Units.SingleAsync(u => u.Code == "01-PARTY", Ct)).ParentId);
    }

    [Fact]
    public async Task In_demo_mode_the_national_bodies_get_issuer_accounts_and_their_communes_do_not()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();
        await using var context = db.CreateContext();
        await ImporterFactory.Create(context, demo: true).ImportAsync(Bytes(TwoProvinces), Ct);

        var issuers = await (from user in context.Users
                             join link in context.UserRoles on user.Id equals link.UserId
                             join role in context.Roles on link.RoleId equals role.Id
                             where role.Name == Identity.Roles.Issuer
                             select user.UserName).ToListAsync(Ct);
        Assert.Contains("VN-COMMITTEE", issuers);
        Assert.Contains("VN-PARTY.head", issuers);
        Assert.Contains("48-FRONT", issuers);
        Assert.DoesNotContain("20194-COMMITTEE", issuers);
    }

    private static byte[] Bytes(string csv) => Encoding.UTF8.GetBytes(csv.ReplaceLineEndings("\n"));
}
