using Mediator;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>One account the caller manages; 404 when there is none, 403 when it is outside the caller's reach.</summary>
public sealed record GetUserQuery(Guid UserId, Caller Caller) : IQuery<UserDto>;

public sealed class GetUserHandler(UserAccounts accounts) : IQueryHandler<GetUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var rights = UserManagementRights.Of(query.Caller);
        var (user, roles) = await accounts.LoadAsync(query.UserId, cancellationToken);
        rights.CheckManages(roles, user.UnitId);
        return await accounts.ToDtoAsync(user, cancellationToken);
    }
}

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
