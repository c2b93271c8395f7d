using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>How many emails wait in the outbox to be sent: its pending rows, and the notices a cascade left for dispatch to expand.</summary>
public sealed record CountPendingEmailsQuery : IQuery<int>;

public sealed class CountPendingEmailsHandler(DirectiveFlowDbContext db) : IQueryHandler<CountPendingEmailsQuery, int>
{
    public async ValueTask<int> Handle(CountPendingEmailsQuery query, CancellationToken cancellationToken) =>
        await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken)
        + await db.OutboxModels.Where(m => m.NoticeCount > 0).SumAsync(m => m.NoticeCount, cancellationToken);
}
