using System.Text.Json.Nodes;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

public sealed class ActivityPropertiesTests
{
    [Fact]
    public void Default_escalation_ladder_follows_Hanoi_practice()
    {
        var policy = EscalationPolicy.Default;

        Assert.Equal(
            [new EscalationStep(0, "unitHead"), new EscalationStep(2, "parentHead"), new EscalationStep(5, "issuerLeadership", Raise: true)],
            policy.Steps);
        Assert.False(policy.ShouldRaiseAfter(3));
        Assert.True(policy.ShouldRaiseAfter(4));
    }

    [Fact]
    public void Unit_task_properties_read_every_field()
    {
        var json = JsonNode.Parse("""
            {"title": "Thực hiện", "instructions": "Báo cáo", "lead": {"units": ["01-COMMITTEE"]},
             "supporting": {"childrenOf": "branch", "kinds": ["department"]}, "deadline": {"workingDays": 5},
             "outcomes": ["Cannot"], "cadence": {"input": "cadence"}, "reminders": {"beforeWorkingDays": [1, 3]},
             "escalation": {"steps": [{"afterWorkingDays": 1, "to": "parentHead", "raise": true}], "raiseAfterChases": 2},
             "allowCompleteBeforeSubCascade": true}
            """)!.AsObject();

        var task = UnitTaskProperties.Read(json);

        Assert.Equal(["01-COMMITTEE"], task.Lead!.Units!);
        Assert.Equal([OrgUnitKind.Department], task.Supporting!.Kinds!);
        Assert.Equal(5, task.Deadline!.WorkingDays);
        Assert.Equal(["Done", "Cannot"], task.Outcomes);
        Assert.Equal(ProgressCadence.Daily, task.Cadence.Resolve(new JsonObject { ["cadence"] = "daily" }));
        Assert.Equal([3, 1], task.Reminders!.BeforeWorkingDays);
        Assert.Equal(2, task.EffectiveEscalation(FlowPolicies.None).RaiseAfterChases);
        Assert.True(task.AllowCompleteBeforeSubCascade);
    }

    [Fact]
    public void Unit_task_without_policies_takes_the_flow_then_the_defaults()
    {
        var task = UnitTaskProperties.Read(new JsonObject { ["title"] = "T", ["deadline"] = new JsonObject { ["workingDays"] = 1 } });
        var flow = FlowPolicies.From(new WorkflowDefinition { Policies = new JsonObject { ["reminders"] = new JsonObject { ["beforeWorkingDays"] = new JsonArray(4) } } });

        Assert.Equal([4], task.EffectiveReminders(flow).BeforeWorkingDays);
        Assert.Same(EscalationPolicy.Default, task.EffectiveEscalation(flow));
        Assert.Equal(ProgressCadence.None, task.Cadence.Resolve(null));
    }

    [Fact]
    public void Flow_policies_read_the_acknowledgement_rule_and_immediate_steps_and_the_schema_allows_them()
    {
        var policies = JsonNode.Parse("""
            {"escalation": {"steps": [{"afterWorkingDays": 0, "to": "unitHead"}, {"afterWorkingDays": 2, "to": "parentHead", "immediate": true}]},
             "acknowledge": {"remindAfterWorkingDays": 3, "escalateAfterWorkingDays": 1}}
            """)!.AsObject();

        var flow = FlowPolicies.From(new WorkflowDefinition { Policies = policies });

        Assert.Equal(new AcknowledgePolicy(3, 1), flow.Acknowledge);
        Assert.Equal([false, true], flow.Escalation!.Steps.Select(s => s.Immediate));
        // Written back only where set, and read back alike.
        var json = flow.Escalation.ToJson();
        Assert.Null(json["steps"]![0]!["immediate"]);
        Assert.Equal(flow.Escalation.Steps, EscalationPolicy.FromJson(json)!.Steps);
        Assert.Null(FlowPolicies.From(new WorkflowDefinition()).Acknowledge);
        var definition = new JsonObject
        {
            ["id"] = "ack", ["name"] = "Tiếp nhận",
            ["activities"] = new JsonArray(new JsonObject { ["id"] = "start", ["type"] = "Start", ["properties"] = new JsonObject() }),
            ["connections"] = new JsonArray(),
            ["policies"] = policies.DeepClone(),
        };
        Assert.Empty(DirectiveFlow.Core.Workflows.Validation.WorkflowSchema.Evaluate(System.Text.Json.JsonDocument.Parse(definition.ToJsonString()).RootElement));
    }

    [Fact]
    public void An_acknowledgement_delay_below_one_working_day_is_refused()
    {
        var policies = new JsonObject { ["acknowledge"] = new JsonObject { ["remindAfterWorkingDays"] = 0 } };

        var error = Assert.Throws<ActivityPropertiesException>(() => FlowPolicies.From(new WorkflowDefinition { Policies = policies }));

        Assert.Equal("policies.acknowledge.remindAfterWorkingDays", error.Path);
    }

    [Fact]
    public void Selector_for_city_pillars_keeps_departments_out()
    {
        var selector = Selector.FromJson(new JsonObject { ["levels"] = new JsonArray("province"), ["kinds"] = new JsonArray("pillar") })!;
        OrgUnit Unit(UnitLevel level, OrgUnitKind kind) => new() { Code = "x", Name = "x", LocalityCode = "01", Level = level, Kind = kind };

        Assert.True(selector.IsAllUnits);
        Assert.True(selector.Matches(Unit(UnitLevel.Province, OrgUnitKind.PillarUnit)));
        Assert.False(selector.Matches(Unit(UnitLevel.Province, OrgUnitKind.Department)));
        Assert.False(selector.Matches(Unit(UnitLevel.Commune, OrgUnitKind.PillarUnit)));
        Assert.Single(selector.ApplyFilters(new[] { Unit(UnitLevel.Province, OrgUnitKind.PillarUnit), Unit(UnitLevel.SubUnit, OrgUnitKind.Department) }.AsQueryable()));
    }

    [Fact]
    public void Selector_with_two_base_keys_is_refused()
    {
        var error = Assert.Throws<ActivityPropertiesException>(() =>
            Selector.FromJson(new JsonObject { ["units"] = new JsonArray("a"), ["childrenOf"] = "issuer" }));

        Assert.Contains("at most one", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"workingDays\": 5}", 5, null, null)]
    [InlineData("{\"duration\": \"P3D\"}", null, "P3D", null)]
    [InlineData("{\"input\": \"deadlineDays\"}", null, null, "deadlineDays")]
    public void Deadline_takes_exactly_one_form(string json, int? days, string? duration, string? input)
    {
        var spec = DeadlineSpec.FromJson(JsonNode.Parse(json)!.AsObject())!;

        Assert.Equal(new DeadlineSpec { WorkingDays = days, Duration = duration, Input = input }, spec);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"workingDays\": 5, \"input\": \"x\"}")]
    [InlineData("{\"duration\": \"three days\"}")]
    [InlineData("{\"workingDays\": -1}")]
    public void Malformed_deadline_is_refused(string json)
    {
        Assert.Throws<ActivityPropertiesException>(() => DeadlineSpec.FromJson(JsonNode.Parse(json)!.AsObject()));
    }

    [Theory]
    [InlineData(126, 80, 101)]
    [InlineData(4, 50, 2)]
    [InlineData(0, 80, 0)]
    public void Percentage_completion_rounds_up(int expected, int percent, int required)
    {
        var rule = CompletionRule.FromJson(new JsonObject { ["mode"] = "percentage", ["percent"] = percent });

        Assert.Equal(required, rule.RequiredBranches(expected));
        Assert.True(rule.IsMet(expected, required));
    }

    [Fact]
    public void Missing_completion_means_all_branches()
    {
        var cascade = CascadeProperties.Read(new JsonObject { ["targets"] = new JsonObject { ["counterpartsOf"] = "branch" } });

        Assert.Equal(CompletionMode.All, cascade.Completion.Mode);
        Assert.False(cascade.Completion.IsMet(126, 125));
        Assert.Equal("branch", cascade.Targets.CounterpartsOf);
    }

    [Fact]
    public void A_cascade_is_narrowable_only_when_it_says_so_and_with_a_boolean()
    {
        var targets = new JsonObject { ["counterpartsOf"] = "issuer" };

        Assert.False(CascadeProperties.Read(new JsonObject { ["targets"] = targets.DeepClone() }).Narrowable);
        Assert.True(CascadeProperties.Read(new JsonObject { ["targets"] = targets.DeepClone(), ["narrowable"] = true }).Narrowable);
        var error = Assert.Throws<ActivityPropertiesException>(() =>
            CascadeProperties.Read(new JsonObject { ["targets"] = targets.DeepClone(), ["narrowable"] = "có" }));
        Assert.Equal("narrowable", error.Path);
    }

    [Fact]
    public void Notify_role_recipient_names_the_role()
    {
        var notify = NotifyProperties.Read(new JsonObject { ["to"] = "role:Issuer", ["subject"] = "Thông báo" });

        Assert.Equal("Issuer", notify.Role);
        Assert.Throws<ActivityPropertiesException>(() => NotifyProperties.Read(new JsonObject { ["to"] = "everyone", ["subject"] = "x" }));
    }
}
