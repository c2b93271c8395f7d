using DirectiveFlow.Infrastructure.Persistence;
using Mediator;

namespace DirectiveFlow.Infrastructure.Telemetry;

/// <summary>How far the outbox is behind now (<see cref="OutboxLag"/>), for the outbox health check.</summary>
public sealed record ReadOutboxLagQuery : IQuery<OutboxLag>;

public sealed class ReadOutboxLagHandler(DirectiveFlowDbContext db, TimeProvider time) : IQueryHandler<ReadOutboxLagQuery, OutboxLag>
{
    public async ValueTask<OutboxLag> Handle(ReadOutboxLagQuery query, CancellationToken cancellationToken) =>
        await OutboxLag.ReadAsync(db, time.GetUtcNow(), cancellationToken);
}
