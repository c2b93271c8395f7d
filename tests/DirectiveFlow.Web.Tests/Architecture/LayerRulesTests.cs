using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Web.Tests.Architecture;

/// <summary>The rules of docs/ARCHITECTURE.md, checked on the compiled assemblies so they stay true.</summary>
public sealed class LayerRulesTests
{
    private static readonly Lazy<FolderGraph> Graph = new(() =>
        FolderGraph.Of(typeof(ActivityCatalog).Assembly, typeof(DirectiveFlowDbContext).Assembly, typeof(Program).Assembly));

    /// <summary>
    /// The one area allowed to be used by every other and to name their types in return: the model
    /// (<c>DirectiveFlowDbContext</c> maps the entities each area owns — a user of Identity, the demo clock of Time).
    /// </summary>
    private static readonly HashSet<string> Exempt = ["Infrastructure.Persistence"];

    [Fact]
    public void Core_references_nothing_of_infrastructure()
    {
        var references = typeof(ActivityCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain(references, name =>
            name.StartsWith("DirectiveFlow.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("Quartz", StringComparison.Ordinal)
            || name.StartsWith("MailKit", StringComparison.Ordinal)
            || name.StartsWith("MimeKit", StringComparison.Ordinal));
    }

    [Fact]
    public void No_two_folders_use_each_other()
    {
        Assert.Empty(Graph.Value.Cycles(Exempt));
    }

    [Fact]
    public void The_graph_sees_the_known_uses_so_a_cycle_could_not_hide()
    {
        var graph = Graph.Value;

        Assert.True(graph.Uses("Infrastructure.Scheduling", "Infrastructure.Email"), "the sweep writes emails");
        Assert.True(graph.Uses("Infrastructure.Scheduling", "Infrastructure.Engine"), "the sweep resumes waiting flows");
        Assert.True(graph.Uses("Web.Api", "Infrastructure.Directives"), "the API sends the directives' queries");
        Assert.False(graph.Uses("Infrastructure.Email", "Infrastructure.Scheduling"));
        Assert.False(graph.Uses("Infrastructure.Organisation", "Infrastructure.Demo"));
        Assert.True(graph.Areas.Count >= 20, $"only {graph.Areas.Count} areas found");
    }

    [Fact]
    public void Core_does_not_use_the_layers_above_it()
    {
        var graph = Graph.Value;
        var above = graph.Areas.Where(a => !a.StartsWith("Core.", StringComparison.Ordinal)).ToList();

        Assert.All(graph.Areas.Where(a => a.StartsWith("Core.", StringComparison.Ordinal)), core =>
            Assert.DoesNotContain(above, a => graph.Uses(core, a)));
    }

    [Fact]
    public void Every_named_activity_type_has_a_handler()
    {
        var named = typeof(ActivityTypes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, type => Assert.True(ActivityCatalog.BuiltIn.IsKnown(type), $"{type} has no handler"));
        Assert.All(ActivityCatalog.BuiltIn.Handlers, h => Assert.False(string.IsNullOrWhiteSpace(h.Descriptor.Type)));
    }
}
