using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>The people a task of a unit can be given to: the unit's active accounts holding the officer or head role.</summary>
public static class UnitOfficers
{
    private static readonly string[] AssignableRoles = Roles.Assignable;

    public static IQueryable<AppUser> Assignable(DirectiveFlowDbContext db, Guid unitId) =>
        db.Users.Where(u => u.UnitId == unitId && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && AssignableRoles.Contains(r.Name!))));
}

/// <summary>The people of a unit a task can be assigned to, by name; for callers who may see the unit's tasks (404 otherwise).</summary>
public sealed record ListUnitOfficersQuery(Guid UnitId) : IQuery<IReadOnlyList<AssigneeDto>>;

public sealed class ListUnitOfficersHandler(DirectiveFlowDbContext db, TaskCallerResolver callers)
    : IQueryHandler<ListUnitOfficersQuery, IReadOnlyList<AssigneeDto>>
{
    public async ValueTask<IReadOnlyList<AssigneeDto>> Handle(ListUnitOfficersQuery query, CancellationToken cancellationToken)
    {
        var caller = await callers.GetAsync(cancellationToken);
        var observed = caller is { ReadsEverything: false, ObservedProvinceId: { } province }
            && await Provinces.UnitIdsIn(db, province).ContainsAsync(query.UnitId, cancellationToken);
        if (!(caller.ReadsEverything || observed || caller.VisibleUnitIds.Contains(query.UnitId))
            || !await db.Units.AnyAsync(u => u.Id == query.UnitId, cancellationToken))
        {
            throw ProblemException.NotFound(ErrorCodes.UnitNotFound);
        }

        var people = await UnitOfficers.Assignable(db, query.UnitId).AsNoTracking()
            .Select(u => new AssigneeDto(u.Id, u.FullName, u.Position))
            .ToListAsync(cancellationToken);
        return [.. people.OrderBy(p => p.FullName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true))];
    }
}
