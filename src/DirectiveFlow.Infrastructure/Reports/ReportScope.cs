using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports;

/// <summary>
/// Whose numbers a leadership view counts — the scopes of the directive-wide views: the directives a
/// <see cref="DirectiveReader"/> reads (issuers and observers of a province: that province; administrators and
/// unit-less observers: everything), or, for a unit head, the tasks led by the head's unit and every unit below it.
/// Built per caller by <see cref="ReportScopeResolver"/>.
/// </summary>
public sealed record ReportScope
{
    private ReportScope(DirectiveReader directives, IReadOnlySet<Guid>? unitIds)
    {
        Directives = directives;
        UnitIds = unitIds;
    }

    public static ReportScope Everything { get; } = new(DirectiveReader.Everything, null);

    /// <summary>The directives <paramref name="reader"/> may read, every unit's tasks in them.</summary>
    public static ReportScope Of(DirectiveReader reader) => new(reader, null);

    /// <summary>Only the tasks led by <paramref name="unitIds"/> (a head's unit and its sub-tree), in any directive.</summary>
    public static ReportScope OfUnits(IReadOnlySet<Guid> unitIds) => new(DirectiveReader.Everything, unitIds);

    public DirectiveReader Directives { get; }

    /// <summary>The lead units counted; null when every unit of the readable directives counts.</summary>
    public IReadOnlySet<Guid>? UnitIds { get; }

    /// <summary>Whether a task led by <paramref name="unitId"/> (of a directive in scope) counts.</summary>
    public bool Counts(Guid unitId) => UnitIds is null || UnitIds.Contains(unitId);

    /// <summary>The tasks of <paramref name="tasks"/> inside the scope.</summary>
    public IQueryable<UnitTask> Apply(DirectiveFlowDbContext db, IQueryable<UnitTask> tasks)
    {
        if (ReadableDirectives(db) is { } readable)
        {
            tasks = tasks.Where(t => readable.Contains(t.DirectiveId));
        }

        if (UnitIds is { } units)
        {
            var list = units.ToList();
            tasks = tasks.Where(t => EF.Parameter(list).Contains(t.UnitId));
        }

        return tasks;
    }

    /// <summary>The ids of the directives in scope; null when every directive is.</summary>
    public IQueryable<Guid>? ReadableDirectives(DirectiveFlowDbContext db) =>
        Directives.ProvinceId is null ? null : Directives.Filter(db, db.Directives).Select(d => d.Id);
}
