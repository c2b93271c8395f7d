using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using DirectiveFlow.Infrastructure.Tests.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Engine.Notices;

/// <summary>
/// The emails cite the directive as a letter does (issue 13 part 1) — "Kết luận số 15-KL/TU ngày 27/02/2026 của …, do
/// đồng chí … ký" — with its overall deadline, in Vietnamese and in English: the assignment notice and the task-event emails.
/// </summary>
public sealed class DirectiveDocumentNoticeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_assignment_notice_cites_the_document_and_its_overall_deadline_in_both_languages(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 2);
        }

        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"]}"""));
        var issuer = await host.UnitIdAsync("01-PARTY");
        await host.SendAsync(new IssueDirectiveCommand("15-KL/TU", "Về đẩy mạnh giải quyết 5 điểm nghẽn", "Nội dung", DirectivePriority.Normal, issuer,
            "wide", [], "issuer.thanhuy", Caller.System, DocumentType.Conclusion,
            new DirectiveDocument(new DateOnly(2026, 2, 27), "Nguyễn Văn A", "Bí thư Thành ủy", null, new DateOnly(2026, 3, 31))));

        await using var read = host.Context();
        var issuerName = await read.Units.Where(u => u.Id == issuer).Select(u => u.Name).SingleAsync(EngineHost.Cancel);
        var rows = (await SentNotices.RowsAsync(read, EngineHost.Cancel)).Where(r => r.Template == "assigned").ToList();
        Assert.NotEmpty(rows);
        foreach (var (_, email) in await SentNotices.RenderAsync(read, rows, "vi", EngineHost.Cancel))
        {
            Assert.Contains($"Kết luận số 15-KL/TU ngày 27/02/2026 của {issuerName}, do đồng chí Nguyễn Văn A, Bí thư Thành ủy, ký", email.TextBody, StringComparison.Ordinal);
            Assert.Contains("Hạn hoàn thành chung của văn bản: 31/03/2026.", email.TextBody, StringComparison.Ordinal);
            Assert.Contains("do đồng chí Nguyễn Văn A", email.HtmlBody, StringComparison.Ordinal);
        }

        foreach (var (_, email) in await SentNotices.RenderAsync(read, rows, "en", EngineHost.Cancel))
        {
            Assert.Contains($"Conclusion No. 15-KL/TU of 27/02/2026 by {issuerName}, signed by Nguyễn Văn A (Bí thư Thành ủy)", email.TextBody, StringComparison.Ordinal);
            Assert.Contains("The directive's overall deadline: 31/03/2026.", email.TextBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_task_event_email_cites_the_document_and_its_overall_deadline(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        UnitTask task;
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            var directive = await data.AddDirectiveAsync(h.City.Id, number: "Chỉ thị số 07/CT-UBND");
            directive.DocumentType = DocumentType.Directive;
            directive.IssuedOn = new DateOnly(2026, 2, 20);
            directive.SignerName = "Trần Sỹ Thanh";
            directive.Deadline = DirectiveDocument.DeadlineInstant(new DateOnly(2026, 4, 30));
            await db.SaveChangesAsync(EngineHost.Cancel);
            task = await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start, h.Calendar.AddWorkingDays(TaskHarness.Start, 5), UnitTaskStatus.InProgress);
        }

        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 2, null, "Chờ số liệu")));

        await using var read = h.Database.CreateContext();
        var email = await read.Outbox.AsNoTracking().SingleAsync(m => m.TaskId == task.Id, EngineHost.Cancel);
        Assert.Contains($"Văn bản: Chỉ thị số 07/CT-UBND ngày 20/02/2026 của {h.City.Name}, do đồng chí Trần Sỹ Thanh ký.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hạn hoàn thành chung: 30/04/2026.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("do đồng chí Trần Sỹ Thanh ký", System.Net.WebUtility.HtmlDecode(email.HtmlBody), StringComparison.Ordinal);
    }
}
