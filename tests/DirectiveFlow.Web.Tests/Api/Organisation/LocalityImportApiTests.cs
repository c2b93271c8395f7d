using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Organisation;

public sealed class LocalityImportApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static ByteArrayContent Csv(byte[] bytes) => new(bytes) { Headers = { ContentType = new("text/csv") } };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task National_list_through_the_api_creates_3321_localities_and_again_reports_all_unchanged(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var admin = await app.CreateClientForAsync("admin");
        var csv = await File.ReadAllBytesAsync(ReferenceData.VietnamCommunesCsv, Ct);

        var clock = Stopwatch.StartNew();
        using var first = await admin.PostAsync("/api/org/localities/import", Csv(csv), Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: national import over HTTP incl. demo accounts: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // The demo seed already holds 4 of Hà Nội's wards, so they are unchanged.
        Assert.Equal((3317, 0, 4), Counts(body));
        Assert.Equal(33, body.GetProperty("provinces").GetProperty("created").GetInt32());

        using var second = await admin.PostAsync("/api/org/localities/import", Csv(csv), Ct);
        Assert.Equal((0, 0, 3321), Counts(await second.Content.ReadFromJsonAsync<JsonElement>(Ct)));

        await using var db = app.Database.CreateContext();
        Assert.Equal(3321, await db.Localities.CountAsync(l => l.Type != LocalityType.Province && l.Type != LocalityType.Country, Ct));
        Assert.Equal(34, await db.Localities.CountAsync(l => l.Type == LocalityType.Province, Ct));
        // The national tier (issue 16): one country locality and the four pillars' national bodies above the provinces.
        Assert.Equal(1, await db.Localities.CountAsync(l => l.Type == LocalityType.Country, Ct));
        Assert.Equal(4 * 3355 + 4, await db.Units.CountAsync(u => u.Kind == OrgUnitKind.PillarUnit, Ct));
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "79-PARTY.head", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_one_bad_row_is_refused_with_its_line_and_the_database_is_unchanged(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var admin = await app.CreateClientForAsync("admin");
        var lines = (await File.ReadAllLinesAsync(ReferenceData.HanoiCommunesCsv, Ct)).ToList();
        lines[99] = lines[99].Replace(",xa", ",thon", StringComparison.Ordinal).Replace(",phuong", ",thon", StringComparison.Ordinal);
        await using var before = app.Database.CreateContext();
        var unitsBefore = await before.Units.CountAsync(Ct);

        using var response = await admin.PostAsync("/api/org/localities/import", Csv(string.Join('\n', lines)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(100, error.GetProperty("line").GetInt32());
        Assert.Contains("thon", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await using var after = app.Database.CreateContext();
        Assert.Equal(unitsBefore, await after.Units.CountAsync(Ct));
        Assert.Equal(5, await after.Localities.CountAsync(Ct));
    }

    [Theory]
    [InlineData("code;name;type\n00070;Hoàn Kiếm;phuong\n", 1)]
    [InlineData("code,name,type\n00070,,phuong\n", 2)]
    [InlineData("code,name,type\n00070,Hoàn Kiếm,quan\n", 2)]
    [InlineData("code,name,type\n00070,Hoàn Kiếm,phuong\n00070,Hoàn Kiếm,phuong\n", 3)]
    [InlineData("code,name,type\n00070,Hoàn Kiếm,phuong,extra\n", 2)]
    public async Task Each_kind_of_bad_input_is_a_400_naming_the_line(string csv, int line)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");

        using var response = await admin.PostAsync("/api/org/localities/import", Csv(csv), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(line, error.GetProperty("line").GetInt32());
        Assert.StartsWith("import-", error.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal("import-rejected", problem.GetProperty("code").GetString());
        Assert.Equal("Tệp danh mục không hợp lệ, chưa ghi gì (1 lỗi, mỗi lỗi kèm số dòng).", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400_naming_the_line()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");
        var latin1 = Encoding.Latin1.GetBytes("code,name,type\n00070,Ho\u00e0n Ki\u00eam,phuong\n");

        using var response = await admin.PostAsync("/api/org/localities/import", Csv(latin1), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Contains("UTF-8", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hanoi_list_adds_504_ward_units_and_a_login_for_each_new_unit()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");

        using var response = await admin.PostAsync("/api/org/localities/import", Csv(await File.ReadAllBytesAsync(ReferenceData.HanoiCommunesCsv, Ct)), Ct);

        Assert.Equal((122, 0, 4), Counts(await response.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/units?level=commune&pageSize=1", Ct);
        Assert.Equal(504, page.GetProperty("total").GetInt32());
        var token = await app.GetTokenAsync("00619-FRONT.head");
        Assert.False(string.IsNullOrEmpty(token));
    }

    [Fact]
    public async Task A_reimport_lists_the_communes_of_its_province_not_in_the_file_and_a_short_file_of_another_province_is_refused()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");

        // The demo seed holds four of Hà Nội's wards; this file keeps two of them.
        using var response = await admin.PostAsync("/api/org/localities/import", Csv("code,name,type\n00004,Ba Đình,phuong\n00070,Hoàn Kiếm,phuong\n"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["00613", "00619"], body.GetProperty("notInFile").EnumerateArray().Select(c => c.GetString()));

        const string National = "province_code,province_name,code,name,type\n48,Thành phố Đà Nẵng,20194,Hải Châu,phuong\n";
        using (var daNang = await admin.PostAsync("/api/org/localities/import", Csv(National), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, daNang.StatusCode);
        }

        using var moved = await admin.PostAsync("/api/org/localities/import", Csv("code,name,type\n20194,Hải Châu,phuong\n"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        var error = Assert.Single((await moved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "import-commune-other-province"), (error.GetProperty("line").GetInt32(), error.GetProperty("code").GetString()));
    }

    private static (int, int, int) Counts(JsonElement body) =>
        (body.GetProperty("created").GetInt32(), body.GetProperty("updated").GetInt32(), body.GetProperty("unchanged").GetInt32());
}
