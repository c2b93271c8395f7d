using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Web.Tests.Components.Tasks;

/// <summary>Regression (issue 13, part 6): a request on a finished task still read "Chờ quyết định" and waited in the queue.</summary>
public sealed class SupersededExtensionPageTests(UiAppFixture fixture) : IClassFixture<UiAppFixture>
{
    [Fact]
    public async Task The_task_page_says_superseded_and_the_pending_queue_no_longer_lists_it()
    {
        await using (var db = fixture.App.Database.CreateContext())
        {
            db.ExtensionRequests.Add(new ExtensionRequest
            {
                Id = Guid.NewGuid(),
                TaskId = fixture.HoanKiemTask.Id,
                Status = ExtensionRequestStatus.Superseded,
                Reason = "Chờ số liệu của các tổ dân phố",
                RequestedAt = UiTestData.Now,
                RequestedDueAt = fixture.HoanKiemTask.DueAt.AddDays(5),
                PreviousDueAt = fixture.HoanKiemTask.DueAt,
                RequestedBy = "00070-PARTY",
                DecidedAt = UiTestData.Now.AddDays(1),
                DecidedBy = "01-PARTY",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var issuer = await UiBrowser.SignedInAsync(fixture.App, "01-PARTY");

        var page = await issuer.PageAsync($"/tasks/{fixture.HoanKiemTask.Id}");
        Assert.Contains("Không còn hiệu lực — nhiệm vụ đã kết thúc", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Chờ quyết định", page, StringComparison.Ordinal);
        var queue = await issuer.PageAsync("/extensions");
        Assert.Contains("Không có đề nghị gia hạn nào chờ quyết định.", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("Chờ số liệu của các tổ dân phố", queue, StringComparison.Ordinal);
    }
}
