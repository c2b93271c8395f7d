using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>Issue 17 §3 through HTTP: a pasted conclusion's proposed items, matched against the seeded Hà Nội organisation.</summary>
public sealed class ParseItemsApiTests
{
    private const string Conclusion = """
        THÔNG BÁO KẾT LUẬN của Thường trực Thành ủy
        1. Giao Sở Xây dựng chủ trì, phối hợp Sở TC và UBND các phường liên quan hoàn thành phương án giải phóng mặt bằng trước ngày 15/12/2026.
        2. Giao UBND phuong Hoan Kiem chủ trì, phối hợp Ủy ban MTTQ phường Hoàn Kiếm vận động người dân, hoàn thành trong quý I/2027.
        3. Giao Ba Đình chủ trì, thường xuyên báo cáo tiến độ.
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_issuer_pastes_a_conclusion_and_gets_its_items_proposed(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, DirectivesApiTests.NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-PARTY");

        using var response = await issuer.PostAsJsonAsync("/api/directives/parse-items", new { text = Conclusion }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(["1", "2", "3"], items.Select(i => i.GetProperty("number").GetString()));
        var first = items[0];
        Assert.Equal(("01-COMMITTEE-SXD", "Sở Xây dựng Thành phố Hà Nội"), (Code(first.GetProperty("lead")), first.GetProperty("lead").GetProperty("name").GetString()));
        Assert.Equal(["01-COMMITTEE-STC", null], first.GetProperty("supporting").EnumerateArray().Select(Code));
        Assert.Equal("UBND các phường liên quan", first.GetProperty("supporting")[1].GetProperty("text").GetString());
        Assert.Equal(("Date", "2026-12-15", "trước ngày 15/12/2026"), Deadline(first));
        Assert.Equal(["unit-group"], Warnings(first));

        var second = items[1];
        Assert.Equal(("00070-COMMITTEE", 0.81), (Code(second.GetProperty("lead")), second.GetProperty("lead").GetProperty("confidence").GetDouble()));
        Assert.Equal(["00070-FRONT"], second.GetProperty("supporting").EnumerateArray().Select(Code));
        Assert.Equal(("Quarter", "2027-03-31", "hoàn thành trong quý I/2027"), Deadline(second));
        Assert.Empty(Warnings(second));

        var third = items[2];
        Assert.Equal("00004-COMMITTEE", Code(third.GetProperty("lead")));
        Assert.Equal(4, third.GetProperty("lead").GetProperty("alternatives").GetArrayLength());
        Assert.Equal(0.25, third.GetProperty("lead").GetProperty("confidence").GetDouble());
        Assert.Equal(("Periodic", null, "thường xuyên"), Deadline(third));
        Assert.Equal(["unit-ambiguous"], Warnings(third));
    }

    [Fact]
    public async Task An_empty_or_too_long_text_is_refused_with_its_code_and_a_unit_may_not_parse()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: DirectivesApiTests.NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        using var ward = await app.CreateClientForAsync("00070-PARTY");

        await RefusedAsync(issuer, "  \n ", "parse-items-text-required", "Dán nội dung văn bản kết luận");
        await RefusedAsync(issuer, new string('a', 50_001), "parse-items-text-too-long", "50000");
        using var notAnIssuer = await ward.PostAsJsonAsync("/api/directives/parse-items", new { text = Conclusion }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, notAnIssuer.StatusCode);
    }

    private static async Task RefusedAsync(HttpClient client, string text, string code, string words)
    {
        using var response = await client.PostAsJsonAsync("/api/directives/parse-items", new { text }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains(words, problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
    }

    private static string? Code(JsonElement unit) => unit.GetProperty("code").GetString();

    private static string[] Warnings(JsonElement item) => item.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();

    private static (string?, string?, string?) Deadline(JsonElement item)
    {
        var deadline = item.GetProperty("deadline");
        return (deadline.GetProperty("kind").GetString(), deadline.GetProperty("date").GetString(), deadline.GetProperty("text").GetString());
    }
}
