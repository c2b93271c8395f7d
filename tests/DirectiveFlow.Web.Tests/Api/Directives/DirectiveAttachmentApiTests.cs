using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>
/// The signed document (issue 13 part 1): one or more PDFs uploaded by the issuing unit, listed on the directive,
/// downloaded by its readers and by the units that received a task of it, hidden from everyone else; refused when not a
/// PDF (by content, not only by name) or too large; deleted only by the issuer or an administrator.
/// </summary>
public sealed class DirectiveAttachmentApiTests
{
    private const int MaxBytes = 64 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_issuer_uploads_PDFs_that_readers_and_task_units_download_and_others_cannot_see(string provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        var id = await DirectivesApiTests.IssueAsync(issuer, "01-COMMITTEE", "committee-directive", "Chỉ thị số 09/CT-UBND", "Về Vành đai 4",
            new { deadlineDays = 5 }, "Directive");
        var second = "%PDF-1.7\nsecond\n%%EOF\n"u8.ToArray();

        using var upload = await issuer.PostAsync($"/api/directives/{id}/attachments",
            Form(("Chỉ thị 09-CT ký số.pdf", AttachmentFiles.Pdf), ("Phụ lục.pdf", second)), Ct);
        var created = JsonSerializer.Deserialize<JsonElement>(await HttpAssert.StatusAsync(upload, HttpStatusCode.Created));
        Assert.Equal(["Chỉ thị 09-CT ký số.pdf", "Phụ lục.pdf"], created.EnumerateArray().Select(a => a.GetProperty("fileName").GetString()));

        var detail = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Ct);
        var files = detail.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal(AttachmentFiles.Pdf.Length, files[0].GetProperty("size").GetInt64());
        var url = files[0].GetProperty("url").GetString()!;

        // A reader of the directive-wide views, and a ward unit that received a task of it, download it.
        foreach (var reader in new[] { "observer", "01-PARTY", "00070-COMMITTEE" })
        {
            using var client = await app.CreateClientForAsync(reader);
            using var download = await client.GetAsync(url, Ct);
            await HttpAssert.StatusAsync(download, HttpStatusCode.OK);
            Assert.Equal(AttachmentFiles.Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Chỉ thị 09-CT ký số.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        }

        // A ward unit with no task of this directive learns nothing of it.
        using var outsider = await app.CreateClientForAsync("00070-PARTY");
        using var hidden = await outsider.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>($"/api/directives/{id}/attachments", Ct)).EnumerateArray());
    }

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "ke-hoach.docx", AttachmentFiles.Docx(), "directive-file-not-pdf" },
        { "anh.png", AttachmentFiles.Png, "directive-file-not-pdf" },
        { "gia-mao.pdf", "<html>not a pdf</html>"u8.ToArray(), "file-content" },
        { "qua-lon.pdf", [.. AttachmentFiles.Pdf, .. new byte[MaxBytes]], "file-too-large" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_PDF_or_too_large_is_refused_with_its_code_and_nothing_is_kept(string fileName, byte[] content, string code)
    {
        await using var app = await CreateAppAsync("Sqlite");
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        var id = await DirectivesApiTests.IssueAsync(issuer, "01-COMMITTEE", "committee-directive", "Chỉ thị số 10/CT-UBND", "Về nước sạch", new { deadlineDays = 5 });

        // A good PDF alongside a bad file: the whole upload is refused.
        using var refused = await issuer.PostAsync($"/api/directives/{id}/attachments", Form(("dung.pdf", AttachmentFiles.Pdf), (fileName, content)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("codes").GetProperty("file")[0].GetString());
        await using var db = app.Database.CreateContext();
        Assert.Equal(0, await db.DirectiveAttachments.CountAsync(a => a.DirectiveId == id, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_issuing_unit_or_an_administrator_adds_or_deletes_files(string provider)
    {
        await using var app = await CreateAppAsync(provider);
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        var id = await DirectivesApiTests.IssueAsync(issuer, "01-COMMITTEE", "committee-directive", "Chỉ thị số 11/CT-UBND", "Về chiếu sáng", new { deadlineDays = 5 });

        using var otherIssuer = await app.CreateClientForAsync("01-PARTY");
        using var forbidden = await otherIssuer.PostAsync($"/api/directives/{id}/attachments", Form(("a.pdf", AttachmentFiles.Pdf)), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("directive-attachment-forbidden", (await forbidden.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        using var ward = await app.CreateClientForAsync("00070-COMMITTEE");
        using var wardUpload = await ward.PostAsync($"/api/directives/{id}/attachments", Form(("a.pdf", AttachmentFiles.Pdf)), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, wardUpload.StatusCode);

        using var admin = await app.CreateClientForAsync("admin");
        using var added = await admin.PostAsync($"/api/directives/{id}/attachments", Form(("a.pdf", AttachmentFiles.Pdf)), Ct);
        var attachment = JsonSerializer.Deserialize<JsonElement>(await HttpAssert.StatusAsync(added, HttpStatusCode.Created))[0];
        var url = attachment.GetProperty("url").GetString()!;

        using var notYours = await otherIssuer.DeleteAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, notYours.StatusCode);
        using var deleted = await issuer.DeleteAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await issuer.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty((await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{id}", Ct)).GetProperty("attachments").EnumerateArray());
    }

    private static MultipartFormDataContent Form(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }

        return form;
    }

    private static Task<DirectiveFlowWebFactory> CreateAppAsync(string provider) =>
        DirectiveFlowWebFactory.CreateAsync(provider, new Dictionary<string, string?>(TaskApiWorld.QuietSettings())
        {
            ["Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Attachments:Folder"] = Path.Combine(Path.GetTempPath(), "directiveflow-tests", "dir-att-" + Guid.NewGuid().ToString("N")),
        });
}
