using System.Net;
using System.Text.Json;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

public sealed class TaskAttachmentApiTests(TaskWorldFixture fixture) : IClassFixture<TaskWorldFixture>
{
    private const string Officer = "00070-COMMITTEE";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Accepted() => new()
    {
        { "Báo cáo kết quả.pdf", "application/pdf" },
        { "Ảnh hiện trường.png", "image/png" },
        { "Kế hoạch.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "Số liệu.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    };

    private static byte[] ContentFor(string name) => Path.GetExtension(name) switch
    {
        ".pdf" => AttachmentFiles.Pdf,
        ".png" => AttachmentFiles.Png,
        ".docx" => AttachmentFiles.Docx(),
        ".xlsx" => AttachmentFiles.Xlsx(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task An_accepted_file_is_stored_and_served_back_with_its_Vietnamese_name(string fileName, string contentType)
    {
        var world = fixture.World;
        var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress);
        var client = await world.ClientAsync(Officer);
        var bytes = ContentFor(fileName);

        using var upload = await client.PostAsync($"/api/tasks/{task.Id}/attachments", AttachmentFiles.Form(fileName, bytes), Ct);
        var created = JsonSerializer.Deserialize<AttachmentDto>(await HttpAssert.StatusAsync(upload, HttpStatusCode.Created), TaskApiWorld.Json)!;
        Assert.Equal(fileName, created.FileName);

        using var download = await (await world.ClientAsync("observer")).GetAsync(created.Url, Ct);
        await HttpAssert.StatusAsync(download, HttpStatusCode.OK);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(contentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var key = await world.WithDbAsync(db => db.Attachments.Where(a => a.Id == created.Id).Select(a => a.StorageKey).SingleAsync(Ct));
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(fileName), key, StringComparison.Ordinal);
        Assert.Equal(created.Id, Assert.Single((await world.GetTaskAsync(Officer, task.Id)).Attachments).Id);
    }

    public static TheoryData<string, byte[]> Refused() => new()
    {
        { "script.exe", [0x4D, 0x5A, 0x90, 0x00] },
        { "trang.html", "<script>alert(1)</script>"u8.ToArray() },
        { "gia-mao.pdf", "<html>not a pdf</html>"u8.ToArray() },
        { "gia-mao.png", AttachmentFiles.Pdf },
        { "zip-thuong.docx", AttachmentFiles.Xlsx() },
        { "rong.pdf", [] },
        { "qua-lon.pdf", [.. AttachmentFiles.Pdf, .. new byte[TaskApiWorld.MaxAttachmentBytes]] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_of_the_wrong_type_content_or_size_is_refused_with_400(string fileName, byte[] content)
    {
        var world = fixture.World;
        var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress);
        var client = await world.ClientAsync(Officer);

        var problem = await HttpAssert.ProblemAsync(
            await client.PostAsync($"/api/tasks/{task.Id}/attachments", AttachmentFiles.Form(fileName, content), Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(0, await world.WithDbAsync(db => db.Attachments.CountAsync(a => a.TaskId == task.Id, Ct)));
    }

    [Fact]
    public async Task An_attachment_is_hidden_from_another_unit_and_cannot_be_fetched_through_another_task()
    {
        var world = fixture.World;
        var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress);
        var mine = await world.AddTaskAsync(leadCode: "00613-COMMITTEE", status: UnitTaskStatus.InProgress);
        using var upload = await (await world.ClientAsync(Officer)).PostAsync(
            $"/api/tasks/{task.Id}/attachments", AttachmentFiles.Form("mật.pdf", AttachmentFiles.Pdf), Ct);
        var created = JsonSerializer.Deserialize<AttachmentDto>(await HttpAssert.StatusAsync(upload, HttpStatusCode.Created), TaskApiWorld.Json)!;
        var other = await world.ClientAsync("00613-COMMITTEE");

        await HttpAssert.ProblemAsync(await other.GetAsync(created.Url, Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await other.GetAsync($"/api/tasks/{mine.Id}/attachments/{created.Id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nothing_can_be_attached_once_the_task_is_completed()
    {
        var world = fixture.World;
        var task = await world.AddTaskAsync(status: UnitTaskStatus.Completed);
        var client = await world.ClientAsync(Officer);

        await HttpAssert.ProblemAsync(
            await client.PostAsync($"/api/tasks/{task.Id}/attachments", AttachmentFiles.Form("muon.pdf", AttachmentFiles.Pdf), Ct), HttpStatusCode.Conflict);
    }
}
