using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// The overview's ranking inside one unit, person by person: each of the unit's people with the unit's tasks given to
/// them by category, and a row for the tasks given to no one. Only the unit's head and administrators see it (null
/// for anyone else).
/// </summary>
public sealed record GetUnitPeopleWorkloadQuery(Guid UnitId) : IQuery<IReadOnlyList<PersonWorkloadDto>?>;

/// <summary>One person's (or, with no <see cref="Person"/>, nobody's) tasks of a unit, by category.</summary>
public sealed record PersonWorkloadDto(AssigneeDto? Person, int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int OpenOverdue)
{
    /// <summary>
    /// The unit's own on-time rate, person by person (<see cref="TaskCategories.OnTimeRate"/>: on time ÷ completed and
    /// open overdue), so a person's figure reads like the unit's beside it; null while none of theirs is decided.
    /// </summary>
    public double? OnTimeRate => TaskCategories.OnTimeRate(CompletedOnTime, CompletedLate, OpenOverdue);
}

public sealed class GetUnitPeopleWorkloadHandler(DirectiveFlowDbContext db, TaskCallerResolver callers, TaskClock clock)
    : IQueryHandler<GetUnitPeopleWorkloadQuery, IReadOnlyList<PersonWorkloadDto>?>
{
    public async ValueTask<IReadOnlyList<PersonWorkloadDto>?> Handle(GetUnitPeopleWorkloadQuery query, CancellationToken cancellationToken)
    {
        var caller = await callers.GetAsync(cancellationToken);
        var head = caller.UnitId == query.UnitId && caller.Roles.Contains(Identity.Roles.UnitHead);
        if (!head && !caller.IsAdministrator)
        {
            return null;
        }

        var people = await UnitOfficers.Assignable(db, query.UnitId).AsNoTracking()
            .Select(u => new AssigneeDto(u.Id, u.FullName, u.Position))
            .ToListAsync(cancellationToken);
        // A unit's tasks are hundreds at most: their categories are worked out here, as the inbox's are.
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.UnitId == query.UnitId && t.Status != UnitTaskStatus.Cancelled)
            .Select(t => new { t.AssignedUserId, t.Status, t.DueAt, t.CompletedAt })
            .ToListAsync(cancellationToken);
        var byPerson = tasks.ToLookup(t => t.AssignedUserId, t => clock.CategoryOf(t.Status, t.DueAt, t.CompletedAt));
        var rows = people
            .Select(p => Row(p, byPerson[p.Id]))
            .OrderByDescending(r => r.OpenOverdue).ThenByDescending(r => r.Total).ThenBy(r => r.Person!.FullName, StringComparer.Ordinal)
            .ToList();
        // Tasks given to someone no longer of the unit still count, under nobody's name.
        var known = people.Select(p => (Guid?)p.Id).ToHashSet();
        rows.Add(Row(null, byPerson.Where(g => !known.Contains(g.Key)).SelectMany(g => g)));
        return rows;
    }

    private static PersonWorkloadDto Row(AssigneeDto? person, IEnumerable<string?> categories)
    {
        var list = categories.ToList();
        int Count(TaskCategory c) => list.Count(x => x == c.ToString());
        return new PersonWorkloadDto(person, list.Count, Count(TaskCategory.CompletedOnTime), Count(TaskCategory.CompletedLate),
            Count(TaskCategory.OpenWithinDeadline), Count(TaskCategory.OpenOverdue));
    }
}
