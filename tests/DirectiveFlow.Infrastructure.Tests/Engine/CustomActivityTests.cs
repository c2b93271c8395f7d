using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Validation;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>A handler registered in the container is an activity type: listed, validated and run, nothing else changed.</summary>
public sealed class CustomActivityTests
{
    private const string Flow = """
        {
          "id": "stamped", "name": "Stamp", "inputs": [],
          "activities": [
            {"id": "start", "type": "Start", "properties": {}},
            {"id": "stamp", "type": "Stamp", "properties": {"note": "Đã tiếp nhận"}},
            {"id": "end", "type": "End", "properties": {}}
          ],
          "connections": [
            {"source": "start", "outcome": "Done", "target": "stamp"},
            {"source": "stamp", "outcome": "Done", "target": "end"}
          ]
        }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registered_test_activity_is_catalogued_validated_and_run_by_the_walker(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider, configure: s => s.AddActivity<StampActivity>());
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 1);
        }

        var catalog = host.Services.GetRequiredService<ActivityCatalog>();
        Assert.Equal(StampActivity.Type, catalog.All[^1].Type);
        Assert.Contains(ActivityTypes.UnitTask, catalog.All.Select(d => d.Type));

        var validator = host.Services.GetRequiredService<WorkflowValidator>();
        Assert.True(validator.Validate(Flow).IsValid);
        var blank = validator.Validate(Flow.Replace("Đã tiếp nhận", " ", StringComparison.Ordinal));
        Assert.Equal("/activities/1/properties/note", Assert.Single(blank.Errors).Path);
        Assert.Contains(new WorkflowValidator().Validate(Flow).Errors, e => e.Code == ValidationCodes.UnknownActivityType);

        await host.PublishAsync(Flow);
        var issued = await host.IssueAsync("stamped", "01-COMMITTEE");

        Assert.Equal(1, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "stamp.written"));
        Assert.Equal(WorkflowInstanceStatus.Completed, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
    }
}
