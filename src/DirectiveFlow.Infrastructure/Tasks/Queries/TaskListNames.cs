using System.Runtime.CompilerServices;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// The names a page of list rows shows — its lead units', directives' and assigned officers' — read after the page, by
/// key, for the page's distinct ids only (at most one query per kind, none for a kind the page does not need). Read per
/// request, never cached: a renamed unit shows its new name on the next page, on every node.
/// </summary>
internal static class TaskListNames
{
    /// <summary>A compiled query is bound to the model it first ran with: one set per model (one in a running product).</summary>
    private static readonly ConditionalWeakTable<IModel, Compiled> PerModel = [];

    private sealed class Compiled
    {
        public Func<DirectiveFlowDbContext, List<Guid>, IAsyncEnumerable<Named>> Units { get; } =
            EF.CompileAsyncQuery((DirectiveFlowDbContext db, List<Guid> ids) =>
                db.Units.Where(u => ids.Contains(u.Id)).Select(u => new Named(u.Id, u.Code, u.Name)));

        public Func<DirectiveFlowDbContext, List<Guid>, IAsyncEnumerable<Named>> Directives { get; } =
            EF.CompileAsyncQuery((DirectiveFlowDbContext db, List<Guid> ids) =>
                db.Directives.Where(d => ids.Contains(d.Id)).Select(d => new Named(d.Id, d.Number, d.Title)));

        public Func<DirectiveFlowDbContext, List<Guid>, IAsyncEnumerable<Named>> Users { get; } =
            EF.CompileAsyncQuery((DirectiveFlowDbContext db, List<Guid> ids) =>
                db.Users.Where(u => ids.Contains(u.Id)).Select(u => new Named(u.Id, u.FullName, u.Position)));
    }

    /// <summary>The rows as the list shows them, with their names (see <see cref="TaskListProjection.Items"/>).</summary>
    public static async Task<List<TaskListItemDto>> ItemsAsync(
        DirectiveFlowDbContext db, List<TaskListRow> rows, TaskClock clock, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var queries = PerModel.GetValue(db.Model, _ => new Compiled());
        var units = await ReadAsync(queries.Units(db, rows.Select(r => r.UnitId).Distinct().ToList()), cancellationToken);
        var directives = await ReadAsync(queries.Directives(db, rows.Select(r => r.DirectiveId).Distinct().ToList()), cancellationToken);
        var assigned = rows.Where(r => r.AssignedUserId is not null).Select(r => r.AssignedUserId!.Value).Distinct().ToList();
        var users = assigned.Count == 0 ? [] : await ReadAsync(queries.Users(db, assigned), cancellationToken);
        return TaskListProjection.Items(rows, new Names(units, directives, users), clock);
    }

    private static async Task<Dictionary<Guid, Named>> ReadAsync(IAsyncEnumerable<Named> query, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Named>();
        await foreach (var named in query.WithCancellation(cancellationToken))
        {
            found[named.Id] = named;
        }

        return found;
    }
}

/// <summary>A unit's code and name, a directive's number and title, or an officer's name and position, by id.</summary>
internal sealed record Named(Guid Id, string First, string Second);

/// <summary>The names of one page's units, directives and assigned officers.</summary>
internal sealed record Names(Dictionary<Guid, Named> Units, Dictionary<Guid, Named> Directives, Dictionary<Guid, Named> Users);
