using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

public sealed class DueWorkPlannerTests
{
    private static readonly WorkingDayCalendar Calendar = new(VietnamHolidays.For(2026));

    private static SweepTask Task(DateTimeOffset created, DateTimeOffset due, int chases = 0, int level = 0, string? policy = null,
        UnitTaskStatus status = UnitTaskStatus.InProgress) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "a", Guid.NewGuid(), Guid.NewGuid(), "t", status, created, due, null, null,
            ProgressCadence.None, created, chases, level, false, policy);

    [Fact]
    public void A_task_chased_more_than_three_times_is_raised_to_the_issuing_leadership()
    {
        const string policy = """
            {"escalation": {"steps": [{"afterWorkingDays": 0, "to": "unitHead"}, {"afterWorkingDays": 1, "to": "unitHead"},
              {"afterWorkingDays": 2, "to": "parentHead"}, {"afterWorkingDays": 3, "to": "parentHead"}], "raiseAfterChases": 3}}
            """;
        var task = Task(Local(2026, 3, 2), Local(2026, 3, 9, 17), chases: 3, level: 3, policy: policy);

        var decision = DueWorkPlanner.Plan(task, TaskPolicy.Parse(policy), Local(2026, 3, 12, 17, 30), Calendar);

        Assert.Equal([DueEffectKind.Escalation, DueEffectKind.Raised], decision.Effects.Select(e => e.Kind));
        Assert.Equal(EscalationStep.IssuerLeadership, decision.Effects[1].RecipientRole);
        Assert.Equal((4, 4, true), (decision.ChaseCount, decision.EscalationLevel, decision.IsRaised));
    }

    [Fact]
    public void Before_Tet_the_reminders_count_working_days_across_the_holiday()
    {
        // Due Tuesday 24/02/2026: two working days before is Friday 13/02, across the Tết break 14–22/02.
        var task = Task(Local(2026, 2, 10), Local(2026, 2, 24, 17));

        var decision = DueWorkPlanner.Plan(task, TaskPolicy.Default, Local(2026, 2, 13, 8, 30), Calendar);

        var reminder = Assert.Single(decision.Effects);
        Assert.Equal((DueEffectKind.Reminder, 2), (reminder.Kind, reminder.Number));
        Assert.Equal(Local(2026, 2, 23, 8), decision.NextActionAt);
    }

    [Fact]
    public void A_task_awaiting_review_is_not_chased_but_keeps_its_schedule()
    {
        var task = Task(Local(2026, 3, 2), Local(2026, 3, 9, 17), status: UnitTaskStatus.Reported);

        var decision = DueWorkPlanner.Plan(task, TaskPolicy.Default, Local(2026, 3, 10, 9), Calendar);

        Assert.Empty(decision.Effects);
        Assert.Equal(Local(2026, 3, 11, 17), decision.NextActionAt);
    }

    [Fact]
    public void A_malformed_policy_falls_back_to_the_default_ladder()
    {
        Assert.Same(TaskPolicy.Default, TaskPolicy.Parse("{not json"));
        Assert.Equal([3, 1], TaskPolicy.Parse("""{"reminders": {"beforeWorkingDays": [1, 3]}}""").ReminderDays);
    }
}
