using System.Text.Json.Nodes;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Tests.Workflows;

public sealed class ShippedWorkflowContentTests
{
    private static WorkflowDefinition Load(string name) => WorkflowDefinitionSerializer.Deserialize(ShippedWorkflows.Read(name));

    [Fact]
    public void Party_conclusion_plans_at_city_level_then_cascades_to_ward_counterparts_weekly()
    {
        var flow = Load("party-conclusion.json");

        var city = CascadeProperties.From(flow.Get("city-pillars")).Targets;
        var plan = UnitTaskProperties.From(flow.Get("action-plan"));
        var wards = CascadeProperties.From(flow.Get("ward-counterparts")).Targets;
        var carryOut = UnitTaskProperties.From(flow.Get("carry-out"));

        Assert.Equal(Enum.GetValues<Pillar>(), city.Pillars!);
        Assert.Equal([UnitLevel.Province], city.Levels!);
        Assert.Equal([OrgUnitKind.PillarUnit], city.Kinds!);
        Assert.Equal(("Xây dựng kế hoạch hành động", 5), (flow.Get("action-plan").Name, plan.Deadline!.WorkingDays));
        Assert.Equal(Selector.Branch, wards.CounterpartsOf);
        Assert.Equal((ProgressCadence.Weekly, "deadlineDays"), (carryOut.Cadence.Fixed, carryOut.Deadline!.Input));
    }

    [Theory]
    [InlineData("Urgent", "Normal", true)]
    [InlineData("Normal", "Immediate", true)]
    [InlineData(null, "Urgent", true)]
    [InlineData("Normal", "Normal", false)]
    [InlineData(null, "Normal", false)]
    public void Committee_directive_reports_daily_when_urgent(string? inputPriority, string directivePriority, bool urgent)
    {
        var flow = Load("committee-directive.json");
        var condition = DecisionProperties.From(flow.Get("is-urgent")).Condition;
        var inputs = inputPriority is null ? new JsonObject() : new JsonObject { ["priority"] = inputPriority };

        var result = new ConditionEvaluator().Evaluate(condition,
            new ConditionContext(inputs, new ConditionDirective("12/CT-UBND", "Chỉ thị", directivePriority), null, DateTimeOffset.UnixEpoch));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(urgent, result.Value);
        Assert.Equal(ProgressCadence.Daily, UnitTaskProperties.From(flow.Get("carry-out-urgent")).Cadence.Fixed);
        Assert.Equal(ProgressCadence.Weekly, UnitTaskProperties.From(flow.Get("carry-out-normal")).Cadence.Fixed);
    }

    [Theory]
    [MemberData(nameof(ShippedWorkflows.Names), MemberType = typeof(ShippedWorkflows))]
    public void Shipped_workflow_speaks_Vietnamese_and_places_every_activity(string name)
    {
        var flow = Load(name);

        Assert.All(flow.Activities, a =>
        {
            Assert.NotNull(a.Position);
            Assert.False(string.IsNullOrWhiteSpace(a.Name));
        });
        Assert.Matches("[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", flow.Name.ToLowerInvariant());
        Assert.All(flow.Activities.Where(a => a.Type == ActivityTypes.UnitTask), a =>
            Assert.False(string.IsNullOrWhiteSpace(UnitTaskProperties.From(a).Instructions)));
    }

    [Fact]
    public void The_issuer_may_narrow_the_commune_cascades_of_the_shipped_flows_but_not_the_city_pillars()
    {
        var party = Load("party-conclusion.json");
        var committee = Load("committee-directive.json");

        Assert.True(CascadeProperties.From(party.Get("ward-counterparts")).Narrowable);
        Assert.False(CascadeProperties.From(party.Get("city-pillars")).Narrowable);
        Assert.True(CascadeProperties.From(committee.Get("wards-urgent")).Narrowable);
        Assert.True(CascadeProperties.From(committee.Get("wards-normal")).Narrowable);
    }
}
