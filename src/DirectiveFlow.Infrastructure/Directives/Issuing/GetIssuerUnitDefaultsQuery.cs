using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;

namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>
/// The unit-input defaults of <paramref name="Inputs"/> that differ for <paramref name="IssuingUnitId"/>
/// (<see cref="IssuerUnitDefaults"/>), so the new-directive form never pre-fills another province's unit.
/// </summary>
public sealed record GetIssuerUnitDefaultsQuery(IReadOnlyList<WorkflowInput> Inputs, Guid IssuingUnitId) : IQuery<IReadOnlyDictionary<string, JsonNode?>>;

public sealed class GetIssuerUnitDefaultsHandler(DirectiveFlowDbContext db) : IQueryHandler<GetIssuerUnitDefaultsQuery, IReadOnlyDictionary<string, JsonNode?>>
{
    public async ValueTask<IReadOnlyDictionary<string, JsonNode?>> Handle(GetIssuerUnitDefaultsQuery query, CancellationToken cancellationToken) =>
        await IssuerUnitDefaults.ForAsync(db, query.Inputs, query.IssuingUnitId, cancellationToken);
}
