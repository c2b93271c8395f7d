using System.Text.Json;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;

namespace DirectiveFlow.Infrastructure.Tests.Email;

/// <summary>Issue 12, part 8: the deadline goes as an .ics only with an email whose reader can still meet it.</summary>
public sealed class DeadlineAttachmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 2, 0, 0, TimeSpan.Zero);
    private static readonly WorkingDayCalendar Calendar = new(VietnamHolidays.For(2026));

    [Theory]
    [InlineData(DueEffectKind.Reminder, true)]
    [InlineData(DueEffectKind.DueToday, true)]
    [InlineData(DueEffectKind.Escalation, false)]
    [InlineData(DueEffectKind.Raised, false)]
    [InlineData(DueEffectKind.ProgressMissing, false)]
    public void A_sweep_email_carries_the_deadline_only_before_it_has_passed(DueEffectKind kind, bool attached)
    {
        var due = kind is DueEffectKind.Reminder or DueEffectKind.DueToday ? Now.AddDays(2) : Now.AddDays(-5);
        var task = new SweepTask(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "work", Guid.NewGuid(), Guid.NewGuid(), "Lập kế hoạch",
            UnitTaskStatus.Assigned, Now.AddDays(-20), due, null, null, ProgressCadence.None, Now, 1, 1, false, null);
        var effect = new DueEffect(kind, 1, Now, "unitHead", $"{kind}:1");
        var email = new EffectMessages("https://df.hanoi.gov.vn", Calendar)
            .SharedEmail(effect, task, new SweepDecision([effect], null, 1, 1, false, []), null, Now);

        var json = JsonSerializer.Serialize(email.Model);
        var rendered = new EmailRenderer(new EmailTemplateStore()).Render(email.Template!, "vi", json);

        Assert.Equal(attached, rendered.IcsContent is not null);
        Assert.Equal(attached, rendered.IcsFileName is not null);
        Assert.Equal(attached, JsonDocument.Parse(json).RootElement.GetProperty("ics").ValueKind == JsonValueKind.Object);
    }

    [Theory]
    [InlineData(EmailTemplates.Assigned, true)]
    [InlineData(EmailTemplates.Supporting, true)]
    [InlineData(EmailTemplates.Returned, true)]
    [InlineData(EmailTemplates.Reminder, true)]
    [InlineData(EmailTemplates.DueToday, true)]
    [InlineData(EmailTemplates.Escalation, false)]
    [InlineData(EmailTemplates.ProgressMissing, false)]
    [InlineData(EmailTemplates.DailyDigest, false)]
    [InlineData(EmailTemplates.WeeklySummary, false)]
    public void The_renderer_attaches_a_model_s_deadline_only_to_the_kinds_it_helps(string template, bool attached)
    {
        // A model that carries a deadline whatever the kind: the template decides.
        var model = JsonSerializer.Serialize(new
        {
            task = new { title = "Lập kế hoạch", dueDate = "11/03/2026", link = "https://df.hanoi.gov.vn/tasks/1" },
            unit = new { name = "UBND phường Ba Đình" },
            ics = new { uid = "1@directiveflow", summary = "Lập kế hoạch", dueUtc = Now.AddDays(2), url = "https://df.hanoi.gov.vn/tasks/1" },
        });

        var rendered = new EmailRenderer(new EmailTemplateStore()).Render(template, "en", model);

        Assert.Equal(attached, EmailTemplates.AttachesDeadline(template));
        Assert.Equal(attached, rendered.IcsContent?.Contains("SUMMARY:Deadline: Lập kế hoạch", StringComparison.Ordinal) ?? false);
    }
}
