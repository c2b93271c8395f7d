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
