using System.Net;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Tasks;

public sealed class TaskAttachmentFormTests : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private DirectiveFlowWebFactory _app = default!;
    private UnitTask _task = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await UiApp.StartAsync();

        await using var db = _app.Database.CreateContext();
        var data = new UiTestData(db);
        _task = await data.TaskAsync(await data.DirectiveAsync(), "00070-PARTY", "Nộp biên bản", UiTestData.Now.AddDays(9), UnitTaskStatus.InProgress);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Completing_with_a_file_attaches_it_under_its_Vietnamese_name()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var response = await officer.PostMultipartAsync(
            $"/tasks/{_task.Id}", "complete", new() { ["Input.Result"] = "Đã nộp biên bản họp" }, "file", "Biên bản họp.png", Png);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await officer.PageAsync($"/tasks/{_task.Id}");
        Assert.Contains(">Biên bản họp.png</a>", page, StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(UnitTaskStatus.Completed, await db.Tasks.Where(t => t.Id == _task.Id).Select(t => t.Status).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_file_chosen_before_a_missing_result_is_kept_ticked_and_attached_once_when_the_task_is_completed()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var refused = await officer.PostMultipartAsync(
            $"/tasks/{_task.Id}", "complete", new() { ["Input.Result"] = " " }, "file", "Biên bản họp.png", Png);
        var html = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var held = System.Text.RegularExpressions.Regex.Match(html,
            "data-testid=\"held-complete-file\".*?name=\"fileHeld\" value=\"([^\"]+)\" checked.*?Biên bản họp.png.*?</fieldset>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(held.Success, "the chosen file is not listed, ticked, on the form shown again");
        await using (var db = _app.Database.CreateContext())
        {
            Assert.False(await db.Attachments.AnyAsync(Ct));
        }

        using var completed = await officer.PostMultipartAsync(
            $"/tasks/{_task.Id}", "complete", [new("Input.Result", "Đã nộp biên bản họp"), new("fileHeld", held.Groups[1].Value)], []);

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Contains(">Biên bản họp.png</a>", await officer.PageAsync($"/tasks/{_task.Id}"), StringComparison.Ordinal);
        await using (var db = _app.Database.CreateContext())
        {
            Assert.Equal(UnitTaskStatus.Completed, await db.Tasks.Where(t => t.Id == _task.Id).Select(t => t.Status).SingleAsync(Ct));
            Assert.Equal(Png.Length, (await db.Attachments.SingleAsync(a => a.TaskId == _task.Id, Ct)).Size);
        }
    }

    [Fact]
    public async Task A_result_file_of_several_megabytes_is_attached_on_completion()
    {
        // Over the 1 MB every other post is held to: the task page declares an upload's limit.
        var large = new byte[3 * 1024 * 1024];
        large[0] = 0x25; large[1] = 0x50; large[2] = 0x44; large[3] = 0x46; large[4] = 0x2D; // %PDF-
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var response = await officer.PostMultipartAsync(
            $"/tasks/{_task.Id}", "complete", new() { ["Input.Result"] = "Đã nộp biên bản (bản quét)" }, "file", "Biên bản quét.pdf", large);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(large.Length, (await db.Attachments.SingleAsync(a => a.TaskId == _task.Id, Ct)).Size);
    }

    [Fact]
    public async Task A_file_of_a_refused_type_is_flagged_next_to_the_file_field_and_the_task_stays_open()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var response = await officer.PostMultipartAsync(
            $"/tasks/{_task.Id}", "complete", new() { ["Input.Result"] = "Kết quả" }, "file", "virus.exe", [0x4D, 0x5A, 0x90, 0x00]);
        var html = (await response.Content.ReadAsStringAsync(Ct)).Replace("\n", " ", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The error sits under the file chooser (input, its button and the chosen name), before the field ends.
        Assert.Matches("id=\"complete-file\"(?:(?!</div>).)*</div>\\s*<span class=\"field-error\" role=\"alert\">Chỉ nhận tệp", html);
        // A refused file is not kept for the form: the officer chooses a right one.
        Assert.DoesNotContain("held-complete-file", html, StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(UnitTaskStatus.InProgress, await db.Tasks.Where(t => t.Id == _task.Id).Select(t => t.Status).SingleAsync(Ct));
        Assert.False(await db.Attachments.AnyAsync(Ct));
    }
}
