using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity.Queries;

/// <summary>What a session check reads of the account <paramref name="UserId"/>: its security stamp, lockout and whether it is active; null when it is gone.</summary>
public sealed record GetSessionAccountQuery(Guid UserId) : IQuery<SessionAccount?>;

public sealed class GetSessionAccountHandler(DirectiveFlowDbContext db) : IQueryHandler<GetSessionAccountQuery, SessionAccount?>
{
    public async ValueTask<SessionAccount?> Handle(GetSessionAccountQuery query, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == query.UserId)
            .Select(u => new SessionAccount(u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd, u.IsActive))
            .FirstOrDefaultAsync(cancellationToken);
}
