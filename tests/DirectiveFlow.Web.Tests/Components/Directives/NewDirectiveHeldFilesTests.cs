using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using DirectiveFlow.Web.Tests.Api.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Components.Directives;

/// <summary>
/// The signed PDF chosen on the new-directive form survives the form being shown again — a refused field, an item
/// editor button —: it is listed ticked, goes with the directive when it is issued, and is left out when unticked. A
/// token held for one user is refused to another.
/// </summary>
public sealed partial class NewDirectiveHeldFilesTests : IAsyncLifetime
{
    private const string PartyForm = "/directives/new?flow=party-conclusion";

    // Its own attachments folder: the held folder's contents are asserted, and other tests' apps share the default one.
    private readonly string _files = Path.Combine(Path.GetTempPath(), "df-held-page-" + Guid.NewGuid().ToString("N"));
    private DirectiveFlowWebFactory _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AttachmentStore Store => _app.Services.GetRequiredService<AttachmentStore>();

    public async ValueTask InitializeAsync()
    {
        _app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Attachments:Folder"] = _files });
        using (_app.CreateClient())
        {
        }

        await ShippedFlows.PublishAsync(_app, ["party-conclusion", "conclusion-items", "committee-directive"], Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_files))
        {
            Directory.Delete(_files, recursive: true);
        }
    }

    [Fact]
    public async Task A_PDF_chosen_before_a_refused_title_is_listed_ticked_and_issued_with_the_directive()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        using var refused = await issuer.PostMultipartAsync(PartyForm, "issue", await FieldsAsync("Kết luận số 21-KL/TU", title: " "),
            [("SignedFiles", "Kết luận ký số.pdf", AttachmentFiles.Pdf)]);
        var html = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"title\".*?/>\\s*<span class=\"field-error\"", html.Replace("\n", " ", StringComparison.Ordinal));
        var held = Between(html, "data-testid=\"held-signed-files\"", "</fieldset>");
        Assert.Contains("Tệp đã chọn được giữ lại", held, StringComparison.Ordinal);
        Assert.Contains("Kết luận ký số.pdf", WebUtility.HtmlDecode(held), StringComparison.Ordinal);
        Assert.Contains("(1 KB)", held, StringComparison.Ordinal);
        Assert.Matches("<input type=\"checkbox\" name=\"SignedFilesHeld\" value=\"[^\"]+\" checked", held);
        Assert.Single(Directory.GetFiles(Store.HeldFolder));

        var fields = await FieldsAsync("Kết luận số 21-KL/TU");
        fields.Add(new("SignedFilesHeld", Token(html)));
        using var issued = await issuer.PostMultipartAsync(PartyForm, "issue", fields, []);

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        await using var db = _app.Database.CreateContext();
        var directiveId = await db.Directives.Where(d => d.Number == "Kết luận số 21-KL/TU").Select(d => d.Id).SingleAsync(Ct);
        var file = await db.DirectiveAttachments.SingleAsync(a => a.DirectiveId == directiveId, Ct);
        Assert.Equal(("Kết luận ký số.pdf", "application/pdf"), (file.FileName, file.ContentType));
        await using (var stored = Store.OpenRead(file.StorageKey))
        using (var bytes = new MemoryStream())
        {
            await stored.CopyToAsync(bytes, Ct);
            Assert.Equal(AttachmentFiles.Pdf, bytes.ToArray());
        }

        Assert.Empty(Directory.GetFiles(Store.HeldFolder));
        Assert.Contains("Kết luận ký số.pdf", await issuer.PageAsync(issued.Headers.Location!.PathAndQuery()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_form_sent_twice_issues_once_with_its_file_once_and_both_lead_to_that_directive()
    {
        // Regression: without script (or past it), a second send of the form issued the directive again, with its tasks,
        // emails and files a second time. The form carries a key drawn once; the second send finds what the first issued.
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        var form = await issuer.PageAsync(PartyForm);
        var key = Regex.Match(form, "name=\"Input.IssueKey\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEmpty(key);
        var fields = await FieldsAsync("Kết luận số 31-KL/TU");
        fields.Add(new("Input.IssueKey", key));

        using var first = await issuer.PostMultipartAsync(PartyForm, "issue", fields, [("SignedFiles", "Kết luận ký số.pdf", AttachmentFiles.Pdf)]);
        using var second = await issuer.PostMultipartAsync(PartyForm, "issue", fields, [("SignedFiles", "Kết luận ký số.pdf", AttachmentFiles.Pdf)]);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var db = _app.Database.CreateContext();
        var directiveId = await db.Directives.Where(d => d.Number == "Kết luận số 31-KL/TU").Select(d => d.Id).SingleAsync(Ct);
        Assert.Single(await db.DirectiveAttachments.Where(a => a.DirectiveId == directiveId).ToListAsync(Ct));
        Assert.False(Directory.Exists(Store.HeldFolder) && Directory.GetFiles(Store.HeldFolder).Length > 0, "a file was left held");
    }

    [Fact]
    public async Task An_item_editor_button_keeps_the_PDF_and_an_unticked_one_is_left_out_of_the_issue()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        const string ItemsForm = "/directives/new?flow=conclusion-items";
        var fields = await FieldsAsync("Thông báo số 22-TB/TU", flow: "conclusion-items");
        fields.AddRange([new("items.paste", ""), new("items[0].number", "1"), new("items[0].content", "Giải phóng mặt bằng"), new("items.op", "add")]);
        using var added = await issuer.PostMultipartAsync(ItemsForm, "issue", fields, [("SignedFiles", "Thông báo ký số.pdf", AttachmentFiles.Pdf)]);
        var html = await added.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("name=\"items[1].content\"", html, StringComparison.Ordinal);
        Assert.Contains("Thông báo ký số.pdf", WebUtility.HtmlDecode(Between(html, "data-testid=\"held-signed-files\"", "</fieldset>")), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Store.HeldFolder));

        // The file's box unticked: the form posts the file as listed, not as ticked; issued without it, and it is let go.
        var unticked = await FieldsAsync("Thông báo số 22-TB/TU", flow: "conclusion-items");
        unticked.AddRange([new("items.paste", ""), new("items[0].number", "1"), new("items[0].content", "Giải phóng mặt bằng"),
            new("items[0].lead", "01-COMMITTEE-SXD"), new("items[0].deadline", "20"), new("SignedFilesShown", Token(html))]);
        using var issued = await issuer.PostMultipartAsync(ItemsForm, "issue", unticked, []);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        await using var db = _app.Database.CreateContext();
        Assert.True(await db.Directives.AnyAsync(d => d.Number == "Thông báo số 22-TB/TU", Ct));
        Assert.False(await db.DirectiveAttachments.AnyAsync(Ct));
        Assert.Empty(Directory.GetFiles(Store.HeldFolder));
    }

    [Fact]
    public async Task A_token_held_for_one_issuer_is_refused_to_another_and_nothing_is_issued()
    {
        using var party = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        using var refused = await party.PostMultipartAsync(PartyForm, "issue", await FieldsAsync("Kết luận số 24-KL/TU", title: ""),
            [("SignedFiles", "Kết luận ký số.pdf", AttachmentFiles.Pdf)]);
        var token = Token(await refused.Content.ReadAsStringAsync(Ct));

        using var committee = await UiBrowser.SignedInAsync(_app, "01-COMMITTEE");
        var fields = await FieldsAsync("Chỉ thị số 25/CT-UBND", flow: "committee-directive", unit: "01-COMMITTEE");
        fields.Add(new("SignedFilesHeld", token));
        using var forged = await committee.PostMultipartAsync("/directives/new?flow=committee-directive", "issue", fields, []);
        var html = await forged.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("<span class=\"field-error\" role=\"alert\">Tệp chọn lúc trước không còn được giữ, hãy chọn lại.</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"held-signed-files\"", html, StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Directives.AnyAsync(Ct));
        Assert.Single(Directory.GetFiles(Store.HeldFolder));
    }

    [Fact]
    public async Task A_held_file_swept_before_the_form_came_back_is_asked_for_again_and_no_longer_listed()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        using var refused = await issuer.PostMultipartAsync(PartyForm, "issue", await FieldsAsync("Kết luận số 26-KL/TU", title: ""),
            [("SignedFiles", "Kết luận ký số.pdf", AttachmentFiles.Pdf)]);
        var token = Token(await refused.Content.ReadAsStringAsync(Ct));
        File.Delete(Assert.Single(Directory.GetFiles(Store.HeldFolder)));

        var fields = await FieldsAsync("Kết luận số 26-KL/TU");
        fields.AddRange([new("SignedFilesHeld", token), new("SignedFilesShown", token)]);
        using var gone = await issuer.PostMultipartAsync(PartyForm, "issue", fields, []);
        var html = await gone.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, gone.StatusCode);
        Assert.Contains("<span class=\"field-error\" role=\"alert\">Tệp “Kết luận ký số.pdf” chọn lúc trước không còn được giữ, hãy chọn lại.</span>",
            WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"held-signed-files\"", html, StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Directives.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_signed_PDF_of_several_megabytes_is_issued_with_the_directive()
    {
        // Over the 1 MB every other post is held to: the page declares an upload's limit.
        var large = new byte[3 * 1024 * 1024];
        Array.Fill(large, (byte)' ');
        AttachmentFiles.Pdf.CopyTo(large, 0);
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        using var issued = await issuer.PostMultipartAsync(PartyForm, "issue", await FieldsAsync("Kết luận số 27-KL/TU"),
            [("SignedFiles", "Kết luận ký số (bản quét).pdf", large)]);

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(large.Length, (await db.DirectiveAttachments.SingleAsync(Ct)).Size);
    }

    [Fact]
    public async Task A_directive_whose_files_cannot_be_stored_is_issued_and_its_page_says_the_files_were_not_attached()
    {
        // An attachments folder that cannot be made (a file stands where it would be): storing fails after the issue.
        var blocked = Path.Combine(Path.GetTempPath(), "df-blocked-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocked, "not a folder", Ct);
        try
        {
            await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Attachments:Folder"] = Path.Combine(blocked, "files") });
            using (app.CreateClient())
            {
            }

            await ShippedFlows.PublishAsync(app, ["party-conclusion"], Ct);
            using var issuer = await UiBrowser.SignedInAsync(app, "01-PARTY");
            await using var db = app.Database.CreateContext();
            var unitId = await db.Units.Where(u => u.Code == "01-PARTY").Select(u => u.Id).SingleAsync(Ct);
            using var issued = await issuer.PostMultipartAsync(PartyForm, "issue",
                [new("Input.Flow", "party-conclusion"), new("Input.Number", "Kết luận số 28-KL/TU"), new("Input.Title", "Về tệp không lưu được"),
                    new("Input.Priority", "Normal"), new("Input.IssuingUnitId", unitId.ToString()), new("Input.Inputs[deadlineDays]", "7")],
                [("SignedFiles", "Kết luận ký số.pdf", AttachmentFiles.Pdf)]);

            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
            Assert.EndsWith("?done=files-failed", issued.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.True(await db.Directives.AnyAsync(d => d.Number == "Kết luận số 28-KL/TU", Ct));
            Assert.False(await db.DirectiveAttachments.AnyAsync(Ct));
            var page = await issuer.PageAsync(issued.Headers.Location!.PathAndQuery());
            Assert.Contains("Văn bản đã được ban hành nhưng chưa đính kèm được tệp ký số.", page, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"directive-files-form\"", page, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocked);
        }
    }

    private async Task<List<KeyValuePair<string, string>>> FieldsAsync(string number, string title = "Về tuyến Vành đai 4", string flow = "party-conclusion", string unit = "01-PARTY")
    {
        await using var db = _app.Database.CreateContext();
        var unitId = await db.Units.Where(u => u.Code == unit).Select(u => u.Id).SingleAsync(Ct);
        return
        [
            new("Input.Flow", flow), new("Input.Number", number), new("Input.Title", title), new("Input.Priority", "Normal"),
            new("Input.IssuingUnitId", unitId.ToString()), new("Input.Inputs[deadlineDays]", "7"),
        ];
    }

    private static string Token(string html) => HeldToken().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no held file on the form");

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' is not on the page");
        var end = html.IndexOf(to, start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("name=\"SignedFilesHeld\" value=\"([^\"]+)\"")]
    private static partial Regex HeldToken();
}
