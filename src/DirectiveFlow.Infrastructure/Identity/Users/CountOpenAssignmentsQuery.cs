using Mediator;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>How many open tasks name the account (<see cref="OpenTaskAssignments"/>), for one the caller manages.</summary>
public sealed record CountOpenAssignmentsQuery(Guid UserId, Caller Caller) : IQuery<int>;

public sealed class CountOpenAssignmentsHandler(UserAccounts accounts) : IQueryHandler<CountOpenAssignmentsQuery, int>
{
    public async ValueTask<int> Handle(CountOpenAssignmentsQuery query, CancellationToken cancellationToken)
    {
        var (user, roles) = await accounts.LoadAsync(query.UserId, cancellationToken);
        UserManagementRights.Of(query.Caller).CheckManages(roles, user.UnitId);
        return await OpenTaskAssignments.CountAsync(accounts.Db, query.UserId, cancellationToken);
    }
}
