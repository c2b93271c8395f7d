using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>The published flows: the newest published version of each definition, with its declared inputs and issuers.</summary>
public sealed record ListPublishedFlowsQuery : IQuery<IReadOnlyList<PublishedFlow>>;

public sealed class ListPublishedFlowsHandler(DirectiveFlowDbContext db) : IQueryHandler<ListPublishedFlowsQuery, IReadOnlyList<PublishedFlow>>
{
    public async ValueTask<IReadOnlyList<PublishedFlow>> Handle(ListPublishedFlowsQuery query, CancellationToken cancellationToken) =>
        await LoadAsync(db, cancellationToken);

    /// <summary>The newest published version of each definition, by name in Vietnamese order.</summary>
    internal static async Task<List<PublishedFlow>> LoadAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.IsPublished)
            .Select(d => new { d.DefinitionId, d.Version, d.Name, d.Description, d.Json })
            .ToListAsync(cancellationToken);
        return records
            .GroupBy(r => r.DefinitionId)
            .Select(g => g.MaxBy(r => r.Version)!)
            .OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(r => Read(r.DefinitionId, r.Version, r.Name, r.Description, r.Json))
            .ToList();
    }

    private static PublishedFlow Read(string id, int version, string name, string? description, string json)
    {
        try
        {
            var definition = WorkflowDefinitionSerializer.Deserialize(json);
            return new PublishedFlow(id, version, name, description, definition.Inputs, definition.Issuers);
        }
        catch (System.Text.Json.JsonException)
        {
            // A published definition was validated on publish; an unreadable one offers no inputs and no issuing unit.
            return new PublishedFlow(id, version, name, description, [], new WorkflowIssuers { Units = [] });
        }
    }
}
