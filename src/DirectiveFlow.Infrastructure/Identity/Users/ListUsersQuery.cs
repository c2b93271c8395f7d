using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// Accounts the caller manages, filtered and paged, people before unit accounts, by full name: everyone for an administrator, the officers of their
/// own unit for a unit head (whatever unit the filter names). The text is matched as officials type it — "nguyen thi"
/// finds "Nguyễn Thị Lan" (<see cref="SearchText"/>) — in the full name, user name and email.
/// </summary>
public sealed record ListUsersQuery(UserListFilter Filter, Caller Caller) : IQuery<PagedResult<UserDto>>;

public sealed class ListUsersHandler(UserAccounts accounts) : IQueryHandler<ListUsersQuery, PagedResult<UserDto>>
{
    public async ValueTask<PagedResult<UserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var rights = UserManagementRights.Of(query.Caller);
        var filter = query.Filter;
        if (filter.Role is { } wanted && !Roles.All.Contains(wanted))
        {
            throw ProblemException.Invalid("role", ErrorCodes.RoleUnknown, wanted);
        }

        var db = accounts.Db;
        var roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var users = db.Users.AsNoTracking();
        if (rights.HeadOfUnit is { } headUnit)
        {
            var officer = roleIds.GetValueOrDefault(Roles.UnitOfficer);
            users = users.Where(u => u.UnitId == headUnit
                && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == officer)
                && !db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId != officer));
        }

        if (filter.UnitId is { } unitId)
        {
            users = users.Where(u => u.UnitId == unitId);
        }

        if (filter.Role is { } role)
        {
            var roleId = roleIds.GetValueOrDefault(role);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        if (filter.Active is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        // Named people (who have a position) before the per-unit accounts of demo mode, each by name.
        var ordered = users.OrderBy(u => u.Position == "").ThenBy(u => u.FullName).ThenBy(u => u.UserName);
        var page = filter.Page;
        List<AppUser> items;
        int total;
        if (string.IsNullOrWhiteSpace(filter.Text))
        {
            total = await ordered.CountAsync(cancellationToken);
            items = await ordered.Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        }
        else
        {
            // Diacritics and "đ" fold the same way on every database only here: match on the narrow rows, then load the page.
            var rows = await ordered.Select(u => new { u.Id, u.FullName, u.UserName, u.Email }).ToListAsync(cancellationToken);
            var matching = rows.Where(r => SearchText.Contains(r.FullName, filter.Text)
                || SearchText.Contains(r.UserName ?? "", filter.Text) || SearchText.Contains(r.Email ?? "", filter.Text))
                .Select(r => r.Id).ToList();
            total = matching.Count;
            var pageIds = matching.Skip(page.Skip).Take(page.PageSize).ToList();
            items = (await db.Users.AsNoTracking().Where(u => pageIds.Contains(u.Id)).ToListAsync(cancellationToken))
                .OrderBy(u => pageIds.IndexOf(u.Id)).ToList();
        }

        return new PagedResult<UserDto>(await accounts.ToDtosAsync(items, cancellationToken), total, page.Page, page.PageSize);
    }
}
