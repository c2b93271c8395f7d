using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>The units and directives some tasks' emails need, to address and describe them.</summary>
public sealed class SweepDirectory(IReadOnlyDictionary<Guid, SweepUnit> units, IReadOnlyDictionary<Guid, SweepDirective> directives)
{
    public SweepUnit? Unit(Guid? id) => id is { } v && units.TryGetValue(v, out var unit) ? unit : null;

    public SweepDirective? Directive(Guid id) => directives.TryGetValue(id, out var directive) ? directive : null;

    /// <summary>
    /// What the emails about <paramref name="tasks"/> can name: their directives, and of the units their own, its
    /// parent, their assigner and their directive's issuer (three small queries, whatever the number of units).
    /// </summary>
    public static async Task<SweepDirectory> LoadAsync(
        DirectiveFlowDbContext db, IReadOnlyCollection<SweepDirectoryTask> tasks, CancellationToken cancellationToken)
    {
        var directives = await DirectivesAsync(db, tasks.Select(t => t.DirectiveId), cancellationToken);
        var units = new Dictionary<Guid, SweepUnit>();
        await AddUnitsAsync(db, units, tasks.SelectMany(t => new[] { t.UnitId, t.AssignerUnitId })
            .Concat(directives.Values.Select(d => d.IssuingUnitId)), cancellationToken);
        await AddUnitsAsync(db, units, tasks.Select(t => units.GetValueOrDefault(t.UnitId)?.ParentId)
            .Where(p => p is not null).Select(p => p!.Value), cancellationToken);
        return new SweepDirectory(units, directives);
    }

    public static async Task<Dictionary<Guid, SweepDirective>> DirectivesAsync(
        DirectiveFlowDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var directiveIds = ids.Distinct().ToList();
        return await db.Directives.AsNoTracking()
            .Where(d => directiveIds.Contains(d.Id))
            .Select(d => new SweepDirective(d.Id, d.Number, d.Title, d.IssuingUnitId))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
    }

    private static async Task AddUnitsAsync(
        DirectiveFlowDbContext db, Dictionary<Guid, SweepUnit> units, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !units.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var unit in await db.Units.AsNoTracking()
            .Where(u => missing.Contains(u.Id))
            .Select(u => new SweepUnit(u.Id, u.Code, u.Name, u.HeadName, u.HeadEmail, u.ContactEmails, u.ParentId))
            .ToListAsync(cancellationToken))
        {
            units[unit.Id] = unit;
        }
    }

    /// <summary>The unit an effect addressed to <paramref name="role"/> goes to (its head or its contacts).</summary>
    public SweepUnit? Target(string role, SweepDirectoryTask task)
    {
        var unit = Unit(task.UnitId);
        return role switch
        {
            EscalationStep.ParentHead => Unit(unit?.ParentId) ?? Unit(task.AssignerUnitId),
            EscalationStep.IssuerLeadership => Unit(Directive(task.DirectiveId)?.IssuingUnitId) ?? Unit(task.AssignerUnitId),
            _ => unit,
        };
    }

    /// <summary>Who receives an effect addressed to <paramref name="role"/> about a task, and how the email greets them.</summary>
    public (IReadOnlyList<string> To, string Name) Recipients(string role, SweepDirectoryTask task)
    {
        var target = Target(role, task);
        if (target is null)
        {
            return ([], "");
        }

        var contacts = (target.ContactEmails ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IReadOnlyList<string> to = role == EscalationStep.UnitHead || role == EscalationStep.ParentHead
            ? target.HeadEmail is { Length: > 0 } head ? [head] : contacts
            : [.. new[] { target.HeadEmail }.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).Concat(contacts).Distinct(StringComparer.OrdinalIgnoreCase)];
        var name = role == EscalationStep.UnitHead || role == EscalationStep.ParentHead || role == EscalationStep.IssuerLeadership
            ? target.HeadName is { Length: > 0 } headName ? $"{headName} ({target.Name})" : $"Lãnh đạo {target.Name}"
            : target.Name;
        return (to, name);
    }
}

/// <summary>What addressing an email about a task needs to know of it.</summary>
public sealed record SweepDirectoryTask(Guid UnitId, Guid AssignerUnitId, Guid DirectiveId);

/// <summary>A unit's addressing data.</summary>
public sealed record SweepUnit(Guid Id, string Code, string Name, string? HeadName, string? HeadEmail, string? ContactEmails, Guid? ParentId);

/// <summary>A directive's identifying data.</summary>
public sealed record SweepDirective(Guid Id, string Number, string Title, Guid IssuingUnitId);
