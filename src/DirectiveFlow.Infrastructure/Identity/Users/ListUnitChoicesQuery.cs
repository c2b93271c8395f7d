using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// The active units the caller may place accounts in, by code: every one for an administrator, their own for a unit
/// head (<see cref="UserManagementRights"/>).
/// </summary>
public sealed record ListUnitChoicesQuery(Caller Caller) : IQuery<IReadOnlyList<UnitChoice>>;

public sealed class ListUnitChoicesHandler(UserAccounts accounts) : IQueryHandler<ListUnitChoicesQuery, IReadOnlyList<UnitChoice>>
{
    public async ValueTask<IReadOnlyList<UnitChoice>> Handle(ListUnitChoicesQuery query, CancellationToken cancellationToken)
    {
        var rights = UserManagementRights.Of(query.Caller);
        var units = accounts.Db.Units.AsNoTracking().Where(u => u.IsActive);
        if (rights.HeadOfUnit is { } own)
        {
            units = units.Where(u => u.Id == own);
        }

        return await units.OrderBy(u => u.Code).Select(u => new UnitChoice(u.Id, u.Code, u.Name)).ToListAsync(cancellationToken);
    }
}
