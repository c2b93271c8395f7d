using DirectiveFlow.Core.Directives;

namespace DirectiveFlow.Web.Tests.Components.Directives;

/// <summary>
/// The signed document's files on the pages (issue 13 part 1): the directive page lists them with their size; the task
/// page of a unit that received a task shows them under "Văn bản chỉ đạo" with the same download links.
/// </summary>
public sealed class DirectiveFilesPageTests(UiAppFixture fixture) : IClassFixture<UiAppFixture>
{
    [Fact]
    public async Task The_directive_page_and_the_units_task_page_link_the_signed_document()
    {
        var file = new DirectiveAttachment
        {
            Id = Guid.NewGuid(), DirectiveId = fixture.Directive.Id, FileName = "Kết luận 15-KL/TU ký số.pdf", ContentType = "application/pdf",
            Size = 2 * 1024 * 1024 + 300 * 1024, StorageKey = "ab12", UploadedAt = UiTestData.Now, UploadedBy = "01-PARTY",
        };
        await using (var db = fixture.App.Database.CreateContext())
        {
            db.DirectiveAttachments.Add(file);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var link = $"href=\"api/directives/{fixture.Directive.Id}/attachments/{file.Id}\"";
        using var issuer = await UiBrowser.SignedInAsync(fixture.App, "01-PARTY");
        var directivePage = await issuer.PageAsync($"/directives/{fixture.Directive.Id}");
        Assert.Contains("Văn bản ký số (PDF)", directivePage, StringComparison.Ordinal);
        Assert.Contains(link, directivePage, StringComparison.Ordinal);
        Assert.Contains("(2,3 MB)", directivePage, StringComparison.Ordinal);

        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY");
        var taskPage = await officer.PageAsync($"/tasks/{fixture.HoanKiemTask.Id}");
        Assert.Contains("<h3>Văn bản chỉ đạo</h3>", taskPage, StringComparison.Ordinal);
        Assert.Contains(link, taskPage, StringComparison.Ordinal);
        Assert.Contains("Kết luận 15-KL/TU ký số.pdf", taskPage, StringComparison.Ordinal);
    }
}
