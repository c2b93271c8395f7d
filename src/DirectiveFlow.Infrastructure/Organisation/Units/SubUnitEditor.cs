using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>
/// Administrators add sub-units (departments, Front member organisations, residential groups) under a unit and
/// keep heads and contacts up to date. Pillar units' names come from the import and are not edited here. A refusal
/// throws <see cref="ProblemException"/>: every field error (400), no such unit (404), or a deactivation while the unit
/// is still in use (409).
/// </summary>
public sealed class SubUnitEditor(DirectiveFlowDbContext db, IUnitAccountProvisioner accounts)
{
    public async Task<UnitDto> CreateAsync(SubUnitRequest request, CancellationToken cancellationToken = default)
    {
        var errors = SubUnitRules.Validate(request, creating: true);
        var parent = request.ParentId is { } parentId ? await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, cancellationToken) : null;
        if (parent is null)
        {
            errors.Add("parentId", ErrorCodes.ParentRequired);
        }

        if (request.Kind is null or OrgUnitKind.PillarUnit)
        {
            errors.Add("kind", ErrorCodes.SubUnitKind);
        }

        var code = request.Code?.Trim();
        if (parent is not null && string.IsNullOrEmpty(code))
        {
            var siblings = await db.Units.CountAsync(u => u.ParentId == parent.Id, cancellationToken);
            code = $"{parent.Code}-{siblings + 1}";
        }

        if (code is not null && !errors.ContainsKey("code") && await db.Units.AnyAsync(u => u.Code == code, cancellationToken))
        {
            errors.Add("code", ErrorCodes.UnitCodeTaken, code);
        }

        errors.ThrowIfAny();
        var unit = new OrgUnit
        {
            Id = Guid.NewGuid(),
            Code = code!,
            Name = request.Name!.Trim(),
            Pillar = parent!.Pillar,
            Level = UnitLevel.SubUnit,
            Kind = request.Kind!.Value,
            ParentId = parent.Id,
            LocalityId = parent.LocalityId,
            LocalityCode = parent.LocalityCode,
            IsActive = request.IsActive ?? true,
        };
        ApplyContacts(unit, request);
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        await accounts.EnsureAccountsAsync(cancellationToken);
        return UnitDto.From(unit);
    }

    public async Task<UnitDto> UpdateAsync(Guid id, SubUnitRequest request, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            throw ProblemException.NotFound(ErrorCodes.UnitNotFound, id);
        }

        var errors = SubUnitRules.Validate(request, creating: false);
        if (request.Name is not null && request.Name.Trim() != unit.Name && unit.Kind == OrgUnitKind.PillarUnit)
        {
            errors.Add("name", ErrorCodes.PillarNameFromImport);
        }

        var parent = request.ParentId is { } parentId && parentId != unit.ParentId ? await NewParentAsync(unit, parentId, errors, cancellationToken) : null;
        errors.ThrowIfAny();
        if (request.IsActive == false && unit.IsActive)
        {
            await CheckUnusedAsync(unit.Id, cancellationToken);
        }

        unit.ParentId = parent?.Id ?? unit.ParentId;
        unit.Name = request.Name?.Trim() ?? unit.Name;
        unit.IsActive = request.IsActive ?? unit.IsActive;
        ApplyContacts(unit, request);
        await db.SaveChangesAsync(cancellationToken);
        return UnitDto.From(unit);
    }

    /// <summary>
    /// A unit is deactivated only once nothing depends on it: its open tasks (its own, and those it gave, whose results
    /// and extension requests it decides) would have no one to act on them, its
    /// active accounts would keep signing in to a unit nobody lists, and its active sub-units would hang under it.
    /// Refused with a 409 giving the three counts.
    /// </summary>
    private async Task CheckUnusedAsync(Guid unitId, CancellationToken cancellationToken)
    {
        // Its own open tasks, and the open tasks it gave (a result waiting for its review, an extension for its decision).
        var openTasks = await db.Tasks.CountAsync(t => (t.UnitId == unitId || t.AssignerUnitId == unitId)
            && t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled, cancellationToken);
        var accounts = await db.Users.CountAsync(u => u.UnitId == unitId && u.IsActive, cancellationToken);
        var subUnits = await db.Units.CountAsync(u => u.ParentId == unitId && u.IsActive, cancellationToken);
        if (openTasks + accounts + subUnits > 0)
        {
            throw ProblemException.Conflict(ErrorCodes.UnitStillInUse, openTasks, accounts, subUnits);
        }
    }

    /// <summary>
    /// The unit a sub-unit moves under, or null with the reason in <paramref name="errors"/>: it must exist, be of the
    /// same pillar and locality, and be neither the unit itself nor below it (a cycle, however long).
    /// </summary>
    private async Task<OrgUnit?> NewParentAsync(OrgUnit unit, Guid parentId, FieldErrors errors, CancellationToken cancellationToken)
    {
        var parent = await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, cancellationToken);
        var reason = unit.Kind == OrgUnitKind.PillarUnit ? new ErrorMessage(ErrorCodes.PillarParentFromImport)
            : parentId == unit.Id ? new ErrorMessage(ErrorCodes.OwnParent)
            : parent is null ? new ErrorMessage(ErrorCodes.ParentRequired)
            : parent.Pillar != unit.Pillar || parent.LocalityId != unit.LocalityId ? new ErrorMessage(ErrorCodes.ParentOtherPillar)
            : await IsBelowAsync(parent.Id, unit.Id, cancellationToken) ? new ErrorMessage(ErrorCodes.ParentCycle, parent.Code, unit.Code)
            : null;
        errors.Report("parentId", reason);
        return reason is null ? parent : null;
    }

    /// <summary>Whether <paramref name="ancestorId"/> is <paramref name="unitId"/> or one of its ancestors.</summary>
    private async Task<bool> IsBelowAsync(Guid unitId, Guid ancestorId, CancellationToken cancellationToken)
    {
        var seen = new HashSet<Guid>();
        for (Guid? current = unitId; current is { } id && seen.Add(id);)
        {
            if (id == ancestorId)
            {
                return true;
            }

            current = await db.Units.Where(u => u.Id == id).Select(u => u.ParentId).SingleOrDefaultAsync(cancellationToken);
        }

        return false;
    }

    private static void ApplyContacts(OrgUnit unit, SubUnitRequest request)
    {
        if (request.HeadName is not null)
        {
            unit.HeadName = request.HeadName.Trim() is { Length: > 0 } name ? name : null;
        }

        if (request.HeadEmail is not null)
        {
            unit.HeadEmail = request.HeadEmail.Trim() is { Length: > 0 } email ? email : null;
        }

        if (request.ContactEmails is not null)
        {
            unit.ContactEmails = SubUnitRules.SplitEmails(request.ContactEmails) is { Count: > 0 } list ? string.Join(';', list) : null;
        }
    }

}
