using System.Text.Json.Serialization;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Directives.Attachments;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Items;

/// <summary>
/// The numbered items of an itemized directive, in the document's order, each with its lead and supporting units, its
/// deadline and its lead unit's task (status, category, deadline, progress); empty for a directive issued without items.
/// The items are the document's content, so they are read by whoever may read its signed document
/// (<see cref="DirectiveFileAccess"/>); anyone else gets "not found". Each item's task is shown to those who read the
/// directive-wide views, and to a unit taking part only for the items it leads or supports: a ward sees its own item's
/// progress, not every other ward's. <see cref="Caller.System"/> reads unchecked.
/// </summary>
public sealed record ListDirectiveItemsQuery(Guid DirectiveId, Caller Caller) : IQuery<IReadOnlyList<DirectiveItemDto>>;

/// <summary>A unit as an item shows it.</summary>
public sealed record UnitRef(Guid Id, string Code, string Name);

/// <summary>The lead unit's task for an item: where it stands.</summary>
public sealed record ItemTaskDto(
    Guid Id,
    [property: JsonConverter(typeof(JsonStringEnumConverter<UnitTaskStatus>))] UnitTaskStatus Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter<TaskCategory>))] TaskCategory? Category,
    DateTimeOffset DueAt,
    int ProgressPercent);

/// <summary>
/// One item of a directive: its number as in the document, content, units, deadline and task. <see cref="TaskShown"/> is
/// false when the reader may not see the item's task (another unit's item): <see cref="Task"/> is then null though it
/// may have one.
/// </summary>
public sealed record DirectiveItemDto(
    int Ordinal, string Number, string Content, UnitRef Lead, IReadOnlyList<UnitRef> Supporting,
    DateOnly? DeadlineDate, int? DeadlineDays, bool Periodic,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DirectivePriority>))] DirectivePriority? Priority,
    ItemTaskDto? Task, bool TaskShown = true);

/// <remarks>A context of its own: the list is a component beside others on the directive page (see ListDirectiveAttachmentsHandler).</remarks>
public sealed class ListDirectiveItemsHandler(IDbContextFactory<DirectiveFlowDbContext> contexts, TimeProvider time)
    : IQueryHandler<ListDirectiveItemsQuery, IReadOnlyList<DirectiveItemDto>>
{
    public async ValueTask<IReadOnlyList<DirectiveItemDto>> Handle(ListDirectiveItemsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = query.Caller.Principal;
        // The two halves of DirectiveFileAccess.MayReadAsync, each asked once: which one admits the caller decides the tasks shown.
        var whole = user is null || await DirectiveFileAccess.ReadsWholeAsync(db, user, query.DirectiveId, cancellationToken);
        if (!whole && !await DirectiveFileAccess.TakesPartAsync(db, user!, query.DirectiveId, cancellationToken))
        {
            throw ProblemException.NotFound(ErrorCodes.DirectiveNotFound);
        }

        var ownUnit = user is null ? null : DirectiveFlowClaims.UnitIdOf(user);
        bool ShowsTask(Core.Directives.Items.DirectiveItem item) =>
            whole || (ownUnit is { } unit && (item.LeadUnitId == unit || item.SupportingUnitIds.Contains(unit)));

        var items = await db.DirectiveItems.AsNoTracking().Where(i => i.DirectiveId == query.DirectiveId)
            .OrderBy(i => i.Ordinal).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return [];
        }

        var unitIds = items.SelectMany(i => i.SupportingUnitIds.Append(i.LeadUnitId)).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new UnitRef(u.Id, u.Code, u.Name), cancellationToken);
        // The lead's own task of each item: the first one written for the item's lead at the directive's level (not a
        // sub-cascade's, nor the work a nested cascade gave other units for the item).
        var leads = items.ToDictionary(i => i.Ordinal, i => i.LeadUnitId);
        var tasks = (await db.Tasks.AsNoTracking()
                .Where(t => t.DirectiveId == query.DirectiveId && t.ItemNo > 0 && t.ParentTaskId == null)
                .Select(t => new { t.Id, t.ItemNo, t.UnitId, t.Status, t.DueAt, t.CompletedAt, t.ProgressPercent })
                .ToListAsync(cancellationToken))
            .Where(t => leads.TryGetValue(t.ItemNo, out var lead) && lead == t.UnitId)
            .GroupBy(t => t.ItemNo)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Id).First());
        var now = time.GetUtcNow();
        return items.Select(i => new DirectiveItemDto(
                i.Ordinal, i.Number, i.Content, Named(units, i.LeadUnitId),
                i.SupportingUnitIds.Select(id => Named(units, id)).ToList(),
                i.DeadlineDate, i.DeadlineDays, i.Periodic, i.Priority,
                ShowsTask(i) && tasks.TryGetValue(i.Ordinal, out var t)
                    ? new ItemTaskDto(t.Id, t.Status, TaskCategories.Of(t.Status, t.DueAt, t.CompletedAt, now), t.DueAt, t.ProgressPercent)
                    : null,
                ShowsTask(i)))
            .ToList();
    }

    private static UnitRef Named(Dictionary<Guid, UnitRef> units, Guid id) => units.TryGetValue(id, out var unit) ? unit : new UnitRef(id, "", "");
}
