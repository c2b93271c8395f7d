using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Directives;

namespace DirectiveFlow.Web.Tests.Api.Reports;

/// <summary>
/// The directive's document type: issued, returned, filtering the directive list and the leadership overview (counted
/// from the tallies) and the ranking (counted from the tasks), which agree.
/// </summary>
public sealed class DocumentTypeApiTests
{
    private static readonly string[] Counts = ["total", "completedOnTime", "completedLate", "openWithinDeadline", "openOverdue"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_overview_ranking_and_list_filtered_by_document_type_count_only_that_directives_tasks(string provider)
    {
        await using var world = await ReportsApiWorld.CreateAsync(provider);
        using var issuer = await world.App.CreateClientForAsync("01-PARTY");

        var cases = new (string Type, Guid? Directive, int Total)[]
        {
            ("Conclusion", world.Conclusion, 8), ("directive", world.CommitteeDirective, 4), ("Decision", null, 0),
        };
        foreach (var (type, directive, total) in cases)
        {
            var overview = await ReportsApiWorld.GetAsync(issuer, $"/api/reports/overview?documentType={type}");
            var units = await ReportsApiWorld.GetAsync(issuer, $"/api/reports/units?level=all&pageSize=100&documentType={type}");
            var list = await ReportsApiWorld.GetAsync(issuer, $"/api/directives?documentType={type}");

            var totals = overview.GetProperty("totals");
            Assert.Equal(total, totals.GetProperty("total").GetInt32());
            foreach (var name in Counts)
            {
                Assert.Equal(totals.GetProperty(name).GetInt32(), units.GetProperty("items").EnumerateArray().Sum(u => u.GetProperty(name).GetInt32()));
            }

            Assert.Equal(directive is { } id ? new[] { id } : [], list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
            if (directive is { } one)
            {
                var detail = await ReportsApiWorld.GetAsync(issuer, $"/api/directives/{one}");
                Assert.Equal(total, detail.GetProperty("progress").GetProperty("total").GetInt32());
                Assert.Equal(detail.GetProperty("documentType").GetString(), list.GetProperty("items")[0].GetProperty("documentType").GetString());
            }
        }

        var conclusion = await ReportsApiWorld.GetAsync(issuer, $"/api/directives/{world.Conclusion}");
        Assert.Equal("Conclusion", conclusion.GetProperty("documentType").GetString());
        var all = await ReportsApiWorld.GetAsync(issuer, "/api/reports/overview");
        Assert.Equal(12, all.GetProperty("totals").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unknown_document_type_is_a_400_naming_the_field_and_a_directive_without_one_is_still_issued()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        using var issuer = await world.App.CreateClientForAsync("01-PARTY");
        var party = await DirectivesApiTests.UnitIdAsync(issuer, "01-PARTY");

        using var badIssue = await issuer.PostAsJsonAsync("/api/directives", new
        {
            number = "1", title = "T", documentType = "Memo", issuingUnitId = party, workflowDefinitionId = "party-conclusion",
        }, Ct);
        await AssertNamesDocumentTypeAsync(badIssue);
        foreach (var url in new[] { "/api/directives?documentType=KetLuan", "/api/reports/overview?documentType=3", "/api/reports/units?documentType=Memo" })
        {
            using var response = await issuer.GetAsync(url, Ct);
            await AssertNamesDocumentTypeAsync(response);
        }

        var untyped = await DirectivesApiTests.IssueAsync(issuer, "01-PARTY", "party-conclusion", "Kết luận số 16-KL/TU", "Không ghi loại", new { deadlineDays = 10 });
        var detail = await ReportsApiWorld.GetAsync(issuer, $"/api/directives/{untyped}");
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("documentType").ValueKind);
        var conclusions = await ReportsApiWorld.GetAsync(issuer, "/api/directives?documentType=Conclusion");
        Assert.DoesNotContain(untyped, conclusions.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
    }

    private static async Task AssertNamesDocumentTypeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("Conclusion", errors.GetProperty("documentType")[0].GetString(), StringComparison.Ordinal);
    }
}
