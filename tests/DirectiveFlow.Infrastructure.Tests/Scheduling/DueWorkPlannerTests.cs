using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Email.Addressing;
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
        Assert.Equal(EscalationTargets.IssuerLeadership, decision.Effects[1].RecipientRole);
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
        Assert.Equal([3, 1], TaskPolicy.Parse("""{"reminders": {"beforeWorkingDays": [1, 3]}}""").Reminders.BeforeWorkingDays);
        // Steps out of order, an unknown recipient, a fraction and a bad acknowledgement delay: corrected, not refused.
        var lenient = TaskPolicy.Parse("""
            {"escalation": {"steps": [{"afterWorkingDays": 4, "to": "mayor", "immediate": true}, {"afterWorkingDays": 1.5, "to": "parentHead"}],
              "raiseAfterChases": -1},
             "acknowledge": {"remindAfterWorkingDays": 0, "escalateAfterWorkingDays": 3}}
            """);
        Assert.Equal([new EscalationStep(0, EscalationTargets.ParentHead), new EscalationStep(4, EscalationTargets.UnitHead, Immediate: true)],
            lenient.Escalation.Steps);
        Assert.Equal(EscalationPolicy.Default.RaiseAfterChases, lenient.Escalation.RaiseAfterChases);
        Assert.Equal(new AcknowledgePolicy(2, 3), lenient.Acknowledge);
        Assert.Equal(ReminderPolicy.Default.BeforeWorkingDays, lenient.Reminders.BeforeWorkingDays);
    }

    [Fact]
    public void A_stored_policy_reads_back_as_written()
    {
        var policy = new TaskPolicy(new ReminderPolicy([3]),
            new EscalationPolicy([new EscalationStep(0, EscalationTargets.UnitHead), new EscalationStep(2, EscalationTargets.ParentHead, Immediate: true)], 1),
            new AcknowledgePolicy(1, 4));

        var read = TaskPolicy.Parse(policy.ToJson().ToJsonString());

        Assert.Equal(policy.Reminders.BeforeWorkingDays, read.Reminders.BeforeWorkingDays);
        Assert.Equal(policy.Escalation.Steps, read.Escalation.Steps);
        Assert.Equal((policy.Escalation.RaiseAfterChases, policy.Acknowledge), (read.Escalation.RaiseAfterChases, read.Acknowledge));
    }

    /// <summary>Two steps to each recipient: at the deadline and +1 the unit head, +2 and +3 the superior unit's head,
    /// +5 the issuing leadership (raised).</summary>
    private const string RepeatingLadder = """
        {"escalation": {"steps": [{"afterWorkingDays": 0, "to": "unitHead"}, {"afterWorkingDays": 1, "to": "unitHead"},
          {"afterWorkingDays": 2, "to": "parentHead"}, {"afterWorkingDays": 3, "to": "parentHead"},
          {"afterWorkingDays": 5, "to": "issuerLeadership", "raise": true}], "raiseAfterChases": 3}}
        """;

    [Fact]
    public void After_a_60_day_jump_each_recipient_gets_only_the_highest_step_passed_and_the_others_are_skipped()
    {
        var task = Task(Local(2026, 3, 2), Local(2026, 3, 9, 17), policy: RepeatingLadder);

        var decision = DueWorkPlanner.Plan(task, TaskPolicy.Parse(RepeatingLadder), Local(2026, 3, 9, 17).AddDays(60), Calendar);

        Assert.Equal([(2, RecipientRoles.UnitHead), (4, RecipientRoles.ParentHead), (5, RecipientRoles.IssuerLeadership)],
            decision.Effects.Select(e => (e.Number, e.RecipientRole)));
        Assert.All(decision.Effects, e => Assert.Equal(DueEffectKind.Escalation, e.Kind));
        Assert.Equal([1, 3], decision.Skipped.Select(e => e.Number));
        // Skipped steps still count as chases: the task stands where the policy puts it after five steps.
        Assert.Equal((5, 5, true, (DateTimeOffset?)null), (decision.ChaseCount, decision.EscalationLevel, decision.IsRaised, decision.NextActionAt));
    }

    [Fact]
    public void After_a_60_day_jump_the_default_ladder_sends_one_email_per_recipient()
    {
        var task = Task(Local(2026, 3, 2), Local(2026, 3, 9, 17));

        var decision = DueWorkPlanner.Plan(task, TaskPolicy.Default, Local(2026, 3, 9, 17).AddDays(60), Calendar);

        Assert.Equal([RecipientRoles.UnitHead, RecipientRoles.ParentHead, RecipientRoles.IssuerLeadership], decision.Effects.Select(e => e.RecipientRole));
        Assert.Empty(decision.Skipped);
        Assert.Equal((3, 3, true), (decision.ChaseCount, decision.EscalationLevel, decision.IsRaised));
    }

    [Fact]
    public void In_a_catch_up_the_raise_notice_replaces_a_lower_step_to_the_issuing_leadership()
    {
        const string policy = """
            {"escalation": {"steps": [{"afterWorkingDays": 0, "to": "issuerLeadership"}, {"afterWorkingDays": 1, "to": "unitHead"}], "raiseAfterChases": 1}}
            """;
        var task = Task(Local(2026, 3, 2), Local(2026, 3, 9, 17), policy: policy);

        var decision = DueWorkPlanner.Plan(task, TaskPolicy.Parse(policy), Local(2026, 3, 20, 9), Calendar);

        Assert.Equal([DueEffectKind.Escalation, DueEffectKind.Raised], decision.Effects.Select(e => e.Kind));
        Assert.Equal([RecipientRoles.UnitHead, RecipientRoles.IssuerLeadership], decision.Effects.Select(e => e.RecipientRole));
        Assert.Equal((DueEffectKind.Escalation, 1), (decision.Skipped.Single().Kind, decision.Skipped.Single().Number));
        Assert.Equal((2, 2, true), (decision.ChaseCount, decision.EscalationLevel, decision.IsRaised));
    }

    [Fact]
    public void A_step_marked_immediate_writes_its_recipient_as_immediate()
    {
        const string policy = """{"escalation": {"steps": [{"afterWorkingDays": 0, "to": "parentHead", "immediate": true}]}}""";
        var task = Task(Local(2026, 3, 2), Local(2026, 3, 9, 17), policy: policy);

        var decision = DueWorkPlanner.Plan(task, TaskPolicy.Parse(policy), Local(2026, 3, 9, 17, 5), Calendar);

        Assert.Equal(RecipientRoles.Immediate(RecipientRoles.ParentHead), Assert.Single(decision.Effects).RecipientRole);
        Assert.Equal("parentHead:immediate", decision.Effects[0].RecipientRole);
    }

    [Fact]
    public void A_task_not_acknowledged_reminds_its_unit_then_escalates_to_the_first_recipient_once()
    {
        // Assigned Monday 02/03 09:00, due in 10 working days (Monday 16/03 17:00): the unit is reminded at the end of
        // Wednesday 04/03, the unit's head told on Friday 06/03.
        var created = Local(2026, 3, 2);
        var task = Task(created, Local(2026, 3, 16, 17), status: UnitTaskStatus.Assigned);

        var atCreation = DueWorkPlanner.Plan(task, TaskPolicy.Default, created, Calendar);
        Assert.Empty(atCreation.Effects);
        Assert.Equal(Local(2026, 3, 4, 17), atCreation.NextActionAt);

        var reminded = DueWorkPlanner.Plan(task, TaskPolicy.Default, Local(2026, 3, 4, 17, 5), Calendar);
        var reminder = Assert.Single(reminded.Effects);
        Assert.Equal((DueEffectKind.NotAcknowledged, 2, "unit"), (reminder.Kind, reminder.Number, reminder.RecipientRole));
        Assert.StartsWith(DueEffect.NotAcknowledgedKey, reminder.DedupeKey, StringComparison.Ordinal);
        Assert.Equal((0, Local(2026, 3, 6, 17)), (reminded.ChaseCount, reminded.NextActionAt));

        var escalated = DueWorkPlanner.Plan(task, TaskPolicy.Default, Local(2026, 3, 6, 17, 5), Calendar);
        var escalation = escalated.Effects.Single(e => e.Kind == DueEffectKind.NotAcknowledgedEscalation);
        Assert.Equal((4, RecipientRoles.UnitHead), (escalation.Number, escalation.RecipientRole));
        Assert.Equal((1, 0, false), (escalated.ChaseCount, escalated.EscalationLevel, escalated.IsRaised));
        Assert.Equal("escalation.not-acknowledged", escalation.Action);

        // Once counted, a later sweep neither sends nor counts it again.
        var later = DueWorkPlanner.Plan(task with { ChaseCount = 1 }, TaskPolicy.Default, Local(2026, 3, 9, 10), Calendar);
        Assert.DoesNotContain(later.Effects, e => e.Kind == DueEffectKind.NotAcknowledgedEscalation);
        Assert.Equal(1, later.ChaseCount);
    }

    [Fact]
    public void An_acknowledged_task_gets_nothing_about_acknowledging()
    {
        var created = Local(2026, 3, 2);
        var task = Task(created, Local(2026, 3, 16, 17), status: UnitTaskStatus.Acknowledged);

        var decision = DueWorkPlanner.Plan(task, TaskPolicy.Default, Local(2026, 3, 6, 17, 5), Calendar);

        Assert.Empty(decision.Effects);
        Assert.Equal(0, decision.ChaseCount);
        Assert.Equal(Local(2026, 3, 12, 8), decision.NextActionAt);
    }

    [Fact]
    public void The_not_acknowledged_escalation_takes_the_first_steps_recipient_and_is_skipped_when_that_step_passed_too()
    {
        const string policy = """
            {"escalation": {"steps": [{"afterWorkingDays": 1, "to": "parentHead", "immediate": true}]},
             "acknowledge": {"remindAfterWorkingDays": 1, "escalateAfterWorkingDays": 1}}
            """;
        var task = Task(Local(2026, 3, 2), Local(2026, 3, 9, 17), policy: policy, status: UnitTaskStatus.Assigned);

        var alone = DueWorkPlanner.Plan(task, TaskPolicy.Parse(policy), Local(2026, 3, 4, 17, 5), Calendar);
        Assert.Equal(RecipientRoles.Immediate(RecipientRoles.ParentHead),
            alone.Effects.Single(e => e.Kind == DueEffectKind.NotAcknowledgedEscalation).RecipientRole);

        // Back after the first step: the superior unit's head gets that step's email only; both count as chases.
        var caughtUp = DueWorkPlanner.Plan(task, TaskPolicy.Parse(policy), Local(2026, 3, 12, 9), Calendar);
        Assert.Equal(DueEffectKind.Escalation, Assert.Single(caughtUp.Effects).Kind);
        Assert.Equal(DueEffectKind.NotAcknowledgedEscalation, Assert.Single(caughtUp.Skipped).Kind);
        Assert.Equal((2, 1), (caughtUp.ChaseCount, caughtUp.EscalationLevel));
    }
}
