using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

public sealed class ActivityCatalogTests
{
    private static readonly ActivityCatalog Catalog = ActivityCatalog.BuiltIn;

    [Fact]
    public void Catalog_describes_every_activity_type_once_in_both_languages()
    {
        Assert.Equal(["Start", "UnitTask", "Cascade", "Review", "Decision", "Delay", "Notify", "End"], Catalog.All.Select(d => d.Type));
        Assert.All(Catalog.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.DisplayNameVi));
            Assert.False(string.IsNullOrWhiteSpace(d.DisplayNameEn));
        });
        Assert.Equal("Nhiệm vụ đơn vị", Catalog.Get(ActivityTypes.UnitTask).DisplayNameVi);
    }

    [Theory]
    [InlineData("Start", "Done")]
    [InlineData("Cascade", "Each,Done")]
    [InlineData("Review", "Accepted,Returned")]
    [InlineData("Decision", "True,False")]
    [InlineData("End", "")]
    public void Fixed_ports_match_the_engine_contract(string type, string ports)
    {
        Assert.Equal(ports.Split(',', StringSplitOptions.RemoveEmptyEntries), Catalog.Get(type).FixedOutcomes);
    }

    [Fact]
    public void Blocking_types_are_the_ones_that_wait()
    {
        var blocking = Catalog.All.Where(d => d.IsBlocking).Select(d => d.Type);

        Assert.Equal([ActivityTypes.UnitTask, ActivityTypes.Cascade, ActivityTypes.Review, ActivityTypes.Delay], blocking);
    }

    [Fact]
    public void Unit_task_outcomes_are_done_plus_the_configured_ones()
    {
        var task = new ActivityDefinition { Id = "t", Type = ActivityTypes.UnitTask, Properties = new JsonObject { ["outcomes"] = new JsonArray("Done", "Cannot") } };

        Assert.Equal(["Done", "Cannot"], Catalog.OutcomesOf(task));
        Assert.True(Catalog.Get(ActivityTypes.UnitTask).HasConfigurableOutcomes);
        Assert.Empty(Catalog.OutcomesOf(new ActivityDefinition { Id = "x", Type = "Nope" }));
    }

    [Fact]
    public void Unit_task_fields_mark_deadline_and_title_required()
    {
        var required = Catalog.Get(ActivityTypes.UnitTask).Fields.Where(f => f.Required).Select(f => f.Name);

        Assert.Equal(["title", "deadline"], required);
    }

    [Fact]
    public void Unknown_type_is_not_in_the_catalog()
    {
        Assert.False(Catalog.IsKnown("SendFax"));
        Assert.Throws<KeyNotFoundException>(() => Catalog.Get("SendFax"));
    }
}
