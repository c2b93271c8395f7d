using System.Net;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Web.Tests.Api.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Directives;

/// <summary>
/// The signed document's files on the pages (issue 13 part 1): the directive page lists them with their size; the task
/// page of a unit that received a task shows them under "Văn bản chỉ đạo" with the same download links.
/// </summary>
public sealed class DirectiveFilesPageTests(UiAppFixture fixture) : IClassFixture<UiAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
    [Fact]
    public async Task The_issuer_attaches_more_of_the_signed_document_on_the_directive_page_and_another_units_issuer_is_not_offered_it()
    {
        var url = $"/directives/{fixture.Directive.Id}";
        using var issuer = await UiBrowser.SignedInAsync(fixture.App, "01-PARTY");
        Assert.Contains("data-testid=\"directive-files-form\"", await issuer.PageAsync(url), StringComparison.Ordinal);

        using var refused = await issuer.PostMultipartAsync(url, "directive-files", [], [("MoreSignedFiles", "Bảng kê.xlsx", AttachmentFiles.Xlsx())]);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<span class=\"field-error\" role=\"alert\">Văn bản ký số phải là tệp PDF (&#x27;Bảng kê.xlsx&#x27; không phải).</span>", html, StringComparison.Ordinal);

        using var added = await issuer.PostMultipartAsync(url, "directive-files", [], [("MoreSignedFiles", "Kết luận bổ sung.pdf", AttachmentFiles.Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await issuer.PageAsync(added.Headers.Location!.PathAndQuery());
        Assert.Contains("Đã đính kèm văn bản ký số.", page, StringComparison.Ordinal);
        Assert.Contains(">Kết luận bổ sung.pdf</a>", page, StringComparison.Ordinal);
        Guid fileId;
        await using (var db = fixture.App.Database.CreateContext())
        {
            fileId = Assert.Single(await db.DirectiveAttachments.Where(a => a.DirectiveId == fixture.Directive.Id && a.FileName == "Kết luận bổ sung.pdf").ToListAsync(Ct)).Id;
        }

        // An id that is not this directive's file (another directive's, or none) removes nothing and says so.
        using var stranger = await issuer.PostFormAsync(url, "directive-file-remove", new() { ["Remove.Id"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.Contains("Không tìm thấy tệp văn bản này.", await stranger.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var db = fixture.App.Database.CreateContext())
        {
            Assert.True(await db.DirectiveAttachments.AnyAsync(a => a.DirectiveId == fixture.Directive.Id, Ct));
        }

        // Taken off again, from the fold under the form (a wrong file): gone from the page and the database, and journalled.
        Assert.Contains($"name=\"Remove.Id\" value=\"{fileId}\"", page, StringComparison.Ordinal);
        using var removed = await issuer.PostFormAsync(url, "directive-file-remove", new() { ["Remove.Id"] = fileId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var afterRemoval = await issuer.PageAsync(removed.Headers.Location!.PathAndQuery());
        Assert.Contains("Đã gỡ tệp khỏi văn bản ký số.", afterRemoval, StringComparison.Ordinal);
        Assert.DoesNotContain("Kết luận bổ sung.pdf", afterRemoval, StringComparison.Ordinal);
        await using (var db = fixture.App.Database.CreateContext())
        {
            Assert.False(await db.DirectiveAttachments.AnyAsync(a => a.Id == fileId, Ct));
            Assert.True(await db.Journal.AnyAsync(j => j.DirectiveId == fixture.Directive.Id && j.Action == "directive.attachment.deleted" && j.Detail == "Kết luận bổ sung.pdf", Ct));
        }

        // Put back for the committee's view below.
        using var again = await issuer.PostMultipartAsync(url, "directive-files", [], [("MoreSignedFiles", "Kết luận bổ sung.pdf", AttachmentFiles.Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        // The city's committee reads the directive but does not speak for the Party committee that issued it.
        using var committee = await UiBrowser.SignedInAsync(fixture.App, "01-COMMITTEE");
        var read = await committee.PageAsync(url);
        Assert.Contains("Kết luận bổ sung.pdf", read, StringComparison.Ordinal);
        Assert.DoesNotContain("directive-files-form", read, StringComparison.Ordinal);
        Assert.DoesNotContain("Remove.Id", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_issue_whose_files_could_not_be_attached_the_directive_page_says_so()
    {
        using var issuer = await UiBrowser.SignedInAsync(fixture.App, "01-PARTY");
        var page = await issuer.PageAsync($"/directives/{fixture.Directive.Id}?done=files-failed");
        Assert.Contains("Văn bản đã được ban hành nhưng chưa đính kèm được tệp ký số.", page, StringComparison.Ordinal);
    }
}
