using DirectiveFlow.Core.Workflows;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Directives;

/// <summary>Publishes shipped flows (<c>workflows/*.json</c>) in a test app, unless its host already seeded them.</summary>
public static class ShippedFlows
{
    public static async Task PublishAsync(DirectiveFlowWebFactory app, IEnumerable<string> flows, CancellationToken cancellationToken)
    {
        await using var db = app.Database.CreateContext();
        foreach (var flow in flows)
        {
            if (await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == flow && d.IsPublished, cancellationToken))
            {
                continue;
            }

            var json = await File.ReadAllTextAsync(Path.Combine(ReferenceData.RepositoryRoot, "workflows", flow + ".json"), cancellationToken);
            var definition = WorkflowDefinitionSerializer.Deserialize(json);
            db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord
            {
                Id = Guid.NewGuid(), DefinitionId = definition.Id, Version = 1, Name = definition.Name, IsPublished = true, IsLatest = true,
                Json = json, CreatedAt = UiTestData.Now, PublishedAt = UiTestData.Now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
