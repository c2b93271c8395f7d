using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Web.Studio.Editing;
using DirectiveFlow.Web.Studio.Editing.Commands;
using DirectiveFlow.Web.Studio.Mapping;
using DirectiveFlow.Web.Tests.Studio.Mapping;

namespace DirectiveFlow.Web.Tests.Studio.Editing;

public sealed class DefinitionEditorTests
{
    private static DefinitionEditor NewEditor(WorkflowDefinition? definition = null)
    {
        var ports = new CatalogActivityPorts(ActivityCatalog.BuiltIn);
        return new DefinitionEditor(
            definition ?? WorkflowDiagramMapperTests.Sample(), new WorkflowDiagramMapper(ports), ports, new ActivityPalette(ActivityCatalog.BuiltIn));
    }

    [Fact]
    public void Removing_an_activity_takes_its_connections_and_undo_restores_everything_in_place()
    {
        var editor = NewEditor();
        var before = WorkflowDefinitionSerializer.Serialize(editor.Definition);

        editor.Execute(new RemoveActivityCommand("task"));

        Assert.DoesNotContain(editor.Definition.Activities, a => a.Id == "task");
        Assert.DoesNotContain(editor.Definition.Connections, c => c.Source == "task" || c.Target == "task");
        editor.Undo();
        Assert.Equal(before, WorkflowDefinitionSerializer.Serialize(editor.Definition));
    }

    [Fact]
    public void Redo_replays_what_undo_took_back_and_a_new_change_clears_redo()
    {
        var editor = NewEditor();
        var added = editor.AddActivity("Notify", 100, 500);
        var withNotify = WorkflowDefinitionSerializer.Serialize(editor.Definition);

        editor.Undo();
        Assert.DoesNotContain(editor.Definition.Activities, a => a.Id == added.Id);
        editor.Redo();
        Assert.Equal(withNotify, WorkflowDefinitionSerializer.Serialize(editor.Definition));

        editor.Undo();
        editor.AddActivity("Delay", 0, 0);
        Assert.False(editor.CanRedo);
    }

    [Fact]
    public void Undoing_back_to_the_saved_state_means_nothing_is_unsaved()
    {
        var editor = NewEditor();
        Assert.False(editor.IsDirty);

        editor.AddActivity("End", 10, 10);
        Assert.True(editor.IsDirty);
        editor.Undo();
        Assert.False(editor.IsDirty);
        editor.Redo();
        editor.MarkSaved();
        Assert.False(editor.IsDirty);
        editor.Undo();
        Assert.True(editor.IsDirty);
    }

    [Fact]
    public void Connecting_refuses_unknown_outcomes_the_start_as_target_and_duplicates()
    {
        var editor = NewEditor();

        Assert.False(editor.TryConnect("review", "Nope", "end"));
        Assert.False(editor.TryConnect("end", "Done", "start"));
        Assert.False(editor.TryConnect("task", "Done", "start"));
        Assert.False(editor.TryConnect("start", "Done", "cascade"));
        Assert.True(editor.TryConnect("review", "Accepted", "end"));
        Assert.Contains(editor.Definition.Connections, c => c is { Source: "review", Outcome: "Accepted", Target: "end" });
    }

    [Fact]
    public void New_activities_get_unique_ids_and_the_palette_defaults()
    {
        var editor = NewEditor();

        var first = editor.AddActivity("UnitTask", 0, 0);
        var second = editor.AddActivity("UnitTask", 0, 0);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(5, second.Properties["deadline"]!["workingDays"]!.GetValue<int>());
    }

    [Fact]
    public void Auto_layout_places_every_activity_by_its_distance_from_start_and_is_undoable()
    {
        var editor = NewEditor();
        var before = WorkflowDefinitionSerializer.Serialize(editor.Definition);

        editor.AutoLayout();

        var x = editor.Definition.Activities.ToDictionary(a => a.Id, a => a.Position!.X);
        Assert.True(x["start"] < x["cascade"] && x["cascade"] < x["task"] && x["task"] < x["review"]);
        Assert.Equal(x["task"], x["end"]);
        editor.Undo();
        Assert.Equal(before, WorkflowDefinitionSerializer.Serialize(editor.Definition));
    }
}
