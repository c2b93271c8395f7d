using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>The flows an issuer may choose: the newest published version of each definition, with its declared inputs.</summary>
public sealed record ListPublishedFlowsQuery : IQuery<IReadOnlyList<PublishedFlow>>;

public sealed class ListPublishedFlowsHandler(DirectiveFlowDbContext db) : IQueryHandler<ListPublishedFlowsQuery, IReadOnlyList<PublishedFlow>>
{
    public async ValueTask<IReadOnlyList<PublishedFlow>> Handle(ListPublishedFlowsQuery query, CancellationToken cancellationToken)
    {
        var records = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.IsPublished)
            .Select(d => new { d.DefinitionId, d.Version, d.Name, d.Description, d.Json })
            .ToListAsync(cancellationToken);
        return records
            .GroupBy(r => r.DefinitionId)
            .Select(g => g.MaxBy(r => r.Version)!)
            .OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(r => new PublishedFlow(r.DefinitionId, r.Version, r.Name, r.Description, InputsOf(r.Json)))
            .ToList();
    }

    private static List<WorkflowInput> InputsOf(string json)
    {
        try
        {
            return WorkflowDefinitionSerializer.Deserialize(json).Inputs;
        }
        catch (System.Text.Json.JsonException)
        {
            // A published definition was validated on publish; an unreadable one simply offers no inputs here.
            return [];
        }
    }
}
