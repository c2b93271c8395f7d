using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Addressing;

/// <summary>
/// The one recipient directory: who receives an email and how it greets them. An email about a task names a role
/// (<see cref="RecipientRoles"/>); <see cref="Target"/> finds the unit the role points at and <see cref="Recipients"/>
/// its addresses and greeting, by the rules of <see cref="MailRecipients"/>. The sweep and the dispatcher (every
/// reminder, escalation, escalation digest and assignment notice), the daily digest, the weekly report, the task
/// event emails and the Notify activity all ask it. To change who gets an escalation, change it here.
/// </summary>
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

    /// <summary>The units <paramref name="ids"/> with their addressing data (one query: the units with their accounts).</summary>
    public static async Task<Dictionary<Guid, MailUnit>> UnitsAsync(
        DirectiveFlowDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var units = new Dictionary<Guid, MailUnit>();
        await AddUnitsAsync(db, units, ids, cancellationToken);
        return units;
    }

    private static async Task AddUnitsAsync(
        DirectiveFlowDbContext db, Dictionary<Guid, MailUnit> units, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var missing = ids.Where(id => !units.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        // A row per unit and active account with an address (one row with none when the unit has no such account): a
        // deactivated account no longer hears from the unit's mail.
        var rows = await UnitRows.For(db)(db, missing).ToListAsync(cancellationToken);
        foreach (var unit in rows.GroupBy(r => r.Unit.Id))
        {
            units[unit.Key] = unit.First().Unit with
            {
                Accounts = [.. unit.Select(r => r.Email).OfType<string>().Order(StringComparer.OrdinalIgnoreCase)],
            };
        }
    }

    private static readonly CompiledPerModel<Func<DirectiveFlowDbContext, List<Guid>, IAsyncEnumerable<UnitAccountRow>>> UnitRows = new(_ =>
        EF.CompileAsyncQuery((DirectiveFlowDbContext db, List<Guid> ids) =>
            from u in db.Units.AsNoTracking()
            where ids.Contains(u.Id)
            join a in db.Users.AsNoTracking().Where(a => a.IsActive && a.Email != null) on (Guid?)u.Id equals a.UnitId into accounts
            from a in accounts.DefaultIfEmpty()
            select new UnitAccountRow(new MailUnit(u.Id, u.Code, u.Name, u.HeadName, u.HeadEmail, u.ContactEmails, u.ParentId, null), a == null ? null : a.Email)));

    private sealed record UnitAccountRow(MailUnit Unit, string? Email);

    /// <summary>
    /// The unit an email addressed to <paramref name="role"/> about a task goes to: the task's unit; for
    /// <see cref="RecipientRoles.ParentHead"/> the unit above it, for <see cref="RecipientRoles.IssuerLeadership"/> the
    /// directive's issuing unit (each, when not found, the unit that assigned the task); for
    /// <see cref="RecipientRoles.SupportingUnit"/> the unit the row names.
    /// </summary>
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

    /// <summary>
    /// Who receives an email addressed to <paramref name="role"/> about a task, and how it greets them: a head role
    /// (<see cref="RecipientRoles.UnitHead"/>, <see cref="RecipientRoles.ParentHead"/>, <see cref="RecipientRoles.IssuerLeadership"/>)
    /// reaches the target unit's head (<see cref="MailRecipients.Head"/>), <see cref="RecipientRoles.UnitOfficers"/> its
    /// officers, <see cref="RecipientRoles.AssignedOfficer"/> the task's assigned officer (its unit's officers while it has
    /// none), <see cref="RecipientRoles.Unit"/> the unit as a whole or, once the task is given to a person, that officer and
    /// the unit's head (<see cref="MailRecipients.HeadAndOfficer"/>), any other role the unit as a whole.
    /// </summary>
    public MailRecipients Recipients(string role, MailDirectoryTask task)
    {
        role = RecipientRoles.Parse(role).Role;
        if (Target(role, task) is not { } target)
        {
            return MailRecipients.None;
        }

        return role switch
        {
            RecipientRoles.UnitHead or RecipientRoles.ParentHead or RecipientRoles.IssuerLeadership => MailRecipients.Head(target),
            RecipientRoles.UnitOfficers => MailRecipients.Officers(target),
            // A task not given to anyone yet: the officer is any of the unit's officers.
            RecipientRoles.AssignedOfficer => task.AssignedOfficer is { } officer
                ? MailRecipients.Named([officer.Email], officer.Name)
                : MailRecipients.Officers(target),
            // A task given to a person: its unit's emails reach that officer and the unit's head, not every account.
            RecipientRoles.Unit when task.AssignedOfficer is { } officer => MailRecipients.HeadAndOfficer(target, officer),
            _ => MailRecipients.WholeUnit(target),
        };
    }
}

/// <summary>What addressing an email about a task needs to know of it (and the unit a row itself names, if any).</summary>
/// <remarks><see cref="AssignedOfficer"/> is the person the task is given to (<c>UnitTask.AssignedUserId</c>), while their account is active.</remarks>
public sealed record MailDirectoryTask(
    Guid UnitId, Guid AssignerUnitId, Guid DirectiveId, Guid? RecipientUnitId = null, MailPerson? AssignedOfficer = null);

/// <summary>A person an email can name: their address and how to greet them.</summary>
public sealed record MailPerson(string Email, string Name);

/// <summary>A unit's addressing data: its head, its contact addresses and the addresses of its active user accounts.</summary>
public sealed record MailUnit(
    Guid Id, string Code, string Name, string? HeadName, string? HeadEmail, string? ContactEmails, Guid? ParentId,
    IReadOnlyList<string>? Accounts = null);

/// <summary>A directive's identifying data.</summary>
public sealed record MailDirective(Guid Id, string Number, string Title, Guid IssuingUnitId);
