using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Addressing;

/// <summary>The units and directives some tasks' emails need, to address and describe them: the sweep uses it when it
/// writes emails, the dispatcher when it completes shared-model emails at send time.</summary>
public sealed class MailDirectory(IReadOnlyDictionary<Guid, MailUnit> units, IReadOnlyDictionary<Guid, MailDirective> directives)
{
    public MailUnit? Unit(Guid? id) => id is { } v && units.TryGetValue(v, out var unit) ? unit : null;

    public MailDirective? Directive(Guid id) => directives.TryGetValue(id, out var directive) ? directive : null;

    /// <summary>
    /// What the emails about <paramref name="tasks"/> can name: their directives, and of the units their own, its
    /// parent, their assigner and their directive's issuer (three small queries, whatever the number of units).
    /// </summary>
    public static async Task<MailDirectory> LoadAsync(
        DirectiveFlowDbContext db, IReadOnlyCollection<MailDirectoryTask> tasks, CancellationToken cancellationToken)
    {
        var directives = await DirectivesAsync(db, tasks.Select(t => t.DirectiveId), cancellationToken);
        var units = new Dictionary<Guid, MailUnit>();
        await AddUnitsAsync(db, units, tasks.SelectMany(t => new[] { t.UnitId, t.AssignerUnitId, t.RecipientUnitId ?? t.UnitId })
            .Concat(directives.Values.Select(d => d.IssuingUnitId)), cancellationToken);
        await AddUnitsAsync(db, units, tasks.Select(t => units.GetValueOrDefault(t.UnitId)?.ParentId)
            .Where(p => p is not null).Select(p => p!.Value), cancellationToken);
        return new MailDirectory(units, directives);
    }

    public static async Task<Dictionary<Guid, MailDirective>> DirectivesAsync(
        DirectiveFlowDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var directiveIds = ids.Distinct().ToList();
        return await db.Directives.AsNoTracking()
            .Where(d => directiveIds.Contains(d.Id))
            .Select(d => new MailDirective(d.Id, d.Number, d.Title, d.IssuingUnitId))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
    }

    private static async Task AddUnitsAsync(
        DirectiveFlowDbContext db, Dictionary<Guid, MailUnit> units, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !units.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var unit in await db.Units.AsNoTracking()
            .Where(u => missing.Contains(u.Id))
            .Select(u => new MailUnit(u.Id, u.Code, u.Name, u.HeadName, u.HeadEmail, u.ContactEmails, u.ParentId))
            .ToListAsync(cancellationToken))
        {
            units[unit.Id] = unit;
        }
    }

    /// <summary>The unit an effect addressed to <paramref name="role"/> goes to (its head or its contacts).</summary>
    public MailUnit? Target(string role, MailDirectoryTask task)
    {
        role = RecipientRoles.Parse(role).Role;
        var unit = Unit(task.UnitId);
        return role switch
        {
            RecipientRoles.ParentHead => Unit(unit?.ParentId) ?? Unit(task.AssignerUnitId),
            RecipientRoles.IssuerLeadership => Unit(Directive(task.DirectiveId)?.IssuingUnitId) ?? Unit(task.AssignerUnitId),
            RecipientRoles.SupportingUnit => Unit(task.RecipientUnitId),
            _ => unit,
        };
    }

    /// <summary>Who receives an effect addressed to <paramref name="role"/> about a task, and how the email greets them.</summary>
    public (IReadOnlyList<string> To, string Name) Recipients(string role, MailDirectoryTask task)
    {
        role = RecipientRoles.Parse(role).Role;
        var target = Target(role, task);
        if (target is null)
        {
            return ([], "");
        }

        var contacts = (target.ContactEmails ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IReadOnlyList<string> to = role == RecipientRoles.UnitHead || role == RecipientRoles.ParentHead
            ? target.HeadEmail is { Length: > 0 } head ? [head] : contacts
            : [.. new[] { target.HeadEmail }.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).Concat(contacts).Distinct(StringComparer.OrdinalIgnoreCase)];
        var name = role == RecipientRoles.UnitHead || role == RecipientRoles.ParentHead || role == RecipientRoles.IssuerLeadership
            ? target.HeadName is { Length: > 0 } headName ? $"{headName} ({target.Name})" : $"Lãnh đạo {target.Name}"
            : target.Name;
        return (to, name);
    }
}

/// <summary>What addressing an email about a task needs to know of it (and the unit a row itself names, if any).</summary>
public sealed record MailDirectoryTask(Guid UnitId, Guid AssignerUnitId, Guid DirectiveId, Guid? RecipientUnitId = null);

/// <summary>A unit's addressing data.</summary>
public sealed record MailUnit(Guid Id, string Code, string Name, string? HeadName, string? HeadEmail, string? ContactEmails, Guid? ParentId);

/// <summary>A directive's identifying data.</summary>
public sealed record MailDirective(Guid Id, string Number, string Title, Guid IssuingUnitId);
