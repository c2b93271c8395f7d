using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Demo;

public sealed class DemoAccountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_mode_seeds_the_sample_organisation_with_an_officer_and_a_head_per_unit(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var warmUp = app.CreateClient();
        await using var db = app.Database.CreateContext();

        var units = await db.Units.AsNoTracking().ToListAsync(Ct);
        var userNames = (await db.Users.Select(u => u.UserName!).ToListAsync(Ct)).ToHashSet();

        Assert.Equal(4, units.Count(u => u.Level == UnitLevel.Province));
        Assert.Equal(16, units.Count(u => u.Level == UnitLevel.Commune));
        Assert.Contains(units, u => u.Name == "Thành ủy Hà Nội");
        Assert.Contains(units, u => u.Name == "Đảng ủy phường Hoàn Kiếm");
        Assert.Contains(units, u => u.Name == "Sở Xây dựng Thành phố Hà Nội" && u.Level == UnitLevel.SubUnit);
        Assert.All(units, u => Assert.Contains(u.Code, userNames));
        Assert.All(units, u => Assert.Contains(u.Code + ".head", userNames));
        Assert.Contains("admin", userNames);
        Assert.Contains("observer", userNames);
        Assert.Equal(units.Count * 2 + 2 + DemoPeople.All.Count, userNames.Count);
        Assert.Equal("00070-party.head@demo.directiveflow.vn", units.Single(u => u.Code == "00070-PARTY").HeadEmail);
    }

    [Fact]
    public async Task City_pillar_accounts_are_issuers_and_ward_accounts_are_not()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var warmUp = app.CreateClient();
        await using var db = app.Database.CreateContext();

        var issuers = await (from user in db.Users
                             join link in db.UserRoles on user.Id equals link.UserId
                             join role in db.Roles on link.RoleId equals role.Id
                             where role.Name == Roles.Issuer
                             select user.UserName).ToListAsync(Ct);

        Assert.Equal(
            ["01-COMMITTEE", "01-COMMITTEE.head", "01-COUNCIL", "01-COUNCIL.head", "01-FRONT", "01-FRONT.head", "01-PARTY", "01-PARTY.head",
                "khanhbd", "maihtt", "tuanvq"],
            issuers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Restarting_in_demo_mode_creates_no_duplicate_accounts()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using (app.CreateClient())
        {
        }

        await using var again = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = app.Database.ConnectionString,
        });
        using var client = again.CreateClient();
        await using var db = app.Database.CreateContext();

        Assert.Equal(await db.Units.CountAsync(Ct) * 2 + 2 + DemoPeople.All.Count, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task Demo_mode_seeds_named_people_with_their_positions_in_Hoan_Kiem_and_at_the_city()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var warmUp = app.CreateClient();
        await using var db = app.Database.CreateContext();

        var people = await (from user in db.Users
                            join unit in db.Units on user.UnitId equals unit.Id
                            where user.Position != ""
                            select new { user.UserName, user.FullName, user.Position, unit.Code, user.IsActive }).ToListAsync(Ct);
        var heads = await (from user in db.Users
                           join link in db.UserRoles on user.Id equals link.UserId
                           join role in db.Roles on link.RoleId equals role.Id
                           where role.Name == Roles.UnitHead && user.Position != ""
                           select user.UserName).ToListAsync(Ct);

        Assert.Contains(people, p => p is { UserName: "lannt", FullName: "Nguyễn Thị Lan", Position: "Chủ tịch UBND phường", Code: "00070-COMMITTEE" });
        Assert.Contains(people, p => p is { UserName: "minhtv", FullName: "Trần Văn Minh", Position: "Chuyên viên", Code: "00070-COMMITTEE" });
        Assert.Contains(people, p => p is { UserName: "halt", FullName: "Lê Thu Hà", Position: "Chuyên viên", Code: "00070-COMMITTEE" });
        Assert.Equal(3, people.Count(p => p.Code == "00070-PARTY"));
        Assert.Equal(3, people.Count(p => p.Code == "01-COMMITTEE"));
        Assert.All(people, p => Assert.True(p.IsActive));
        Assert.Equal(["hungpv", "lannt", "tuanvq"], heads.Order(StringComparer.Ordinal));
    }
}
