using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>How a task's history tells what became of each email about it.</summary>
public sealed class TaskJournalEmailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_chase_skipped_because_its_task_closed_is_not_shown_as_waiting(string provider)
    {
        var line = await DeliveryLineAsync(provider, new OutboxMessage
        {
            DedupeKey = "reminder:20260305", To = "chutich@hoankiem.hanoi.gov.vn", Subject = "", HtmlBody = "", TextBody = "",
            Status = OutboxStatus.Skipped, CreatedAt = TaskHarness.Start, NextAttemptAt = TaskHarness.Start,
        });

        // Machine values, worded in the reader's language by the web layer (JournalTextTests).
        Assert.Null(line.Detail);
        Assert.Equal(nameof(OutboxStatus.Skipped), line.Delivery!.Status);
        Assert.Equal(["chutich@hoankiem.hanoi.gov.vn"], line.Delivery.To);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_email_sent_to_all_but_a_refused_recipient_names_who_did_not_get_it(string provider)
    {
        var line = await DeliveryLineAsync(provider, new OutboxMessage
        {
            DedupeKey = "reminder:20260305", To = "chutich@hoankiem.hanoi.gov.vn;nghihuu@hoankiem.hanoi.gov.vn", Subject = "Nhắc việc", HtmlBody = "", TextBody = "",
            Status = OutboxStatus.Sent, Attempts = 1, CreatedAt = TaskHarness.Start, NextAttemptAt = TaskHarness.Start, SentAt = TaskHarness.Start,
            LastError = RefusedRecipients.Describe([("nghihuu@hoankiem.hanoi.gov.vn", 550, "mailbox unavailable")]),
        });

        Assert.Equal(nameof(OutboxStatus.Sent), line.Delivery!.Status);
        Assert.Equal(TaskHarness.Start, line.Delivery.SentAt);
        Assert.Equal(["chutich@hoankiem.hanoi.gov.vn", "nghihuu@hoankiem.hanoi.gov.vn"], line.Delivery.To);
        Assert.Equal(["nghihuu@hoankiem.hanoi.gov.vn"], line.Delivery.Refused);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_email_that_is_not_a_chase_is_named_by_what_it_tells_the_unit(string provider)
    {
        // Regression: every such email read "Thư thông báo" in the history, so a withdrawn task's history showed two
        // identical lines for its assignment and its withdrawal.
        foreach (var (template, action) in new[]
        {
            (EmailTemplates.Assigned, "email.assigned"), (EmailTemplates.Supporting, "email.supporting"),
            (EmailTemplates.Returned, "email.returned"), (EmailTemplates.Withdrawn, "email.withdrawn"), ("task-completed", "email.queued"),
        })
        {
            var line = await DeliveryLineAsync(provider, new OutboxMessage
            {
                DedupeKey = $"{template}:1", Template = template, To = "chutich@hoankiem.hanoi.gov.vn", Subject = "", HtmlBody = "", TextBody = "",
                Status = OutboxStatus.Sent, Attempts = 1, CreatedAt = TaskHarness.Start, NextAttemptAt = TaskHarness.Start, SentAt = TaskHarness.Start,
            });
            Assert.Equal(action, line.Action);
        }
    }

    private static async Task<JournalEntryDto> DeliveryLineAsync(string provider, OutboxMessage email)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        Guid taskId;
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            var directive = await data.AddDirectiveAsync(h.City.Id);
            taskId = (await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start, h.Calendar.AddWorkingDays(TaskHarness.Start, 5))).Id;
            email.TaskId = taskId;
            db.Outbox.Add(email);
            await db.SaveChangesAsync(Ct);
        }

        var history = await h.AsAsync(TaskHarness.Head(h.Ward), s => s.Send(new GetTaskJournalQuery(taskId, new PageRequest(1, 50))));
        return Assert.Single(history.Items, e => e.Action == "task.reminder" || e.Action.StartsWith("email.", StringComparison.Ordinal));
    }
}
