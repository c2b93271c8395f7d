using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Journal;

/// <summary>The journal across every directive, newest first, filtered as <see cref="JournalSearch"/> says (administrators).</summary>
public sealed record SearchJournalQuery(JournalSearch Filter, PageRequest Page) : IQuery<PagedResult<JournalSearchRow>>;

#pragma warning disable CA1862 // EF Core translates ToLower()+Contains to SQL; the StringComparison overload it cannot.
public sealed class SearchJournalHandler(DirectiveFlowDbContext db) : IQueryHandler<SearchJournalQuery, PagedResult<JournalSearchRow>>
{
    public async ValueTask<PagedResult<JournalSearchRow>> Handle(SearchJournalQuery query, CancellationToken cancellationToken)
    {
        var entries = await FilteredAsync(query.Filter, cancellationToken);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(j => j.At).ThenByDescending(j => j.Id).Skip(query.Page.Skip).Take(query.Page.PageSize).ToListAsync(cancellationToken);

        var directiveIds = page.Select(j => j.DirectiveId).Distinct().ToList();
        var directives = await db.Directives.AsNoTracking().Where(d => directiveIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Number, d.Title }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var taskIds = page.Where(j => j.TaskId != null).Select(j => j.TaskId!.Value).Distinct().ToList();
        var units = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .Join(db.Units, t => t.UnitId, u => u.Id, (t, u) => new { TaskId = t.Id, u.Name })
            .ToDictionaryAsync(x => x.TaskId, x => x.Name, cancellationToken);
        var people = await PersonNames.LoadAsync(db, page.Select(j => j.Actor), cancellationToken);

        var rows = page.Select(j =>
        {
            var directive = directives.GetValueOrDefault(j.DirectiveId);
            return new JournalSearchRow(j.Id, j.At, j.Actor, people.Name(j.Actor), j.Action, j.Detail, j.DirectiveId,
                directive?.Number ?? "", directive?.Title ?? "", j.TaskId, j.TaskId is { } taskId ? units.GetValueOrDefault(taskId) : null);
        }).ToList();
        return new PagedResult<JournalSearchRow>(rows, total, query.Page.Page, query.Page.PageSize);
    }

    private async Task<IQueryable<JournalEntry>> FilteredAsync(JournalSearch filter, CancellationToken cancellationToken)
    {
        var entries = db.Journal.AsNoTracking();
        if (Needle(filter.Directive) is { } directive)
        {
            var directives = db.Directives.Where(d => d.Number.ToLower().Contains(directive) || d.Title.ToLower().Contains(directive)).Select(d => d.Id);
            entries = entries.Where(j => directives.Contains(j.DirectiveId));
        }

        if (Needle(filter.Unit) is { } unit)
        {
            var units = await MatchingAsync(db.Units.Select(u => new Named(u.Id.ToString(), u.Code, u.Name)), unit, cancellationToken);
            var unitIds = units.Select(Guid.Parse).ToList();
            var tasks = db.Tasks.Where(t => unitIds.Contains(t.UnitId)).Select(t => t.Id);
            var issued = db.Directives.Where(d => unitIds.Contains(d.IssuingUnitId)).Select(d => d.Id);
            entries = entries.Where(j => (j.TaskId != null && tasks.Contains(j.TaskId.Value)) || (j.TaskId == null && issued.Contains(j.DirectiveId)));
        }

        if (Needle(filter.Person) is { } person)
        {
            var userNames = await MatchingAsync(db.Users.Select(u => new Named(u.UserName!, u.UserName!, u.FullName)), person, cancellationToken);
            entries = entries.Where(j => userNames.Contains(j.Actor) || j.Actor.ToLower().Contains(person));
        }

        if (filter.From is { } from)
        {
            var start = VietnamTime.At(from, TimeOnly.MinValue);
            entries = entries.Where(j => j.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = VietnamTime.At(to.AddDays(1), TimeOnly.MinValue);
            entries = entries.Where(j => j.At < end);
        }

        return entries;
    }

    /// <summary>
    /// The keys of the rows whose code or name contains <paramref name="needle"/>, compared in memory: SQLite's lower()
    /// leaves Vietnamese capitals such as "Đ" as they are, so "đảng ủy" would miss "Đảng ủy" in SQL there.
    /// </summary>
    private static async Task<List<string>> MatchingAsync(IQueryable<Named> rows, string needle, CancellationToken cancellationToken) =>
        (await rows.AsNoTracking().ToListAsync(cancellationToken))
            .Where(r => r.Code.ToLowerInvariant().Contains(needle, StringComparison.Ordinal) || r.Name.ToLowerInvariant().Contains(needle, StringComparison.Ordinal))
            .Select(r => r.Key)
            .ToList();

    private static string? Needle(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();

    private sealed record Named(string Key, string Code, string Name);
}
#pragma warning restore CA1862
