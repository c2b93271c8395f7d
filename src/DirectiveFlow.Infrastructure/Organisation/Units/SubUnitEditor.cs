using System.Net.Mail;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>
/// Administrators add sub-units (departments, Front member organisations, residential groups) under a unit and
/// keep heads and contacts up to date. Pillar units' names come from the import and are not edited here.
/// </summary>
public sealed class SubUnitEditor(DirectiveFlowDbContext db, DemoAccountProvisioner demoAccounts)
{
    public async Task<UnitEditResult> CreateAsync(SubUnitRequest request, CancellationToken cancellationToken = default)
    {
        var errors = ValidateContacts(request);
        var parent = request.ParentId is { } parentId ? await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, cancellationToken) : null;
        if (parent is null)
        {
            errors["parentId"] = ["Cần đơn vị cấp trên có thật (an existing parent unit is required)."];
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["Tên đơn vị không được để trống (the name is required)."];
        }

        if (request.Kind is null or OrgUnitKind.PillarUnit)
        {
            errors["kind"] = ["Chọn Department, MemberOrganisation hoặc ResidentialGroup (pillar units come from the import)."];
        }

        var code = request.Code?.Trim();
        if (parent is not null && string.IsNullOrEmpty(code))
        {
            var siblings = await db.Units.CountAsync(u => u.ParentId == parent.Id, cancellationToken);
            code = $"{parent.Code}-{siblings + 1}";
        }

        if (code is not null && await db.Units.AnyAsync(u => u.Code == code, cancellationToken))
        {
            errors["code"] = [$"Mã '{code}' đã được dùng (the code is already used)."];
        }

        if (errors.Count > 0)
        {
            return UnitEditResult.Invalid(errors);
        }

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
        await demoAccounts.EnsureAccountsAsync(cancellationToken);
        return UnitEditResult.Saved(UnitDto.From(unit));
    }

    public async Task<UnitEditResult> UpdateAsync(Guid id, SubUnitRequest request, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return UnitEditResult.Missing;
        }

        var errors = ValidateContacts(request);
        if (request.Name is not null && request.Name.Trim() != unit.Name)
        {
            if (unit.Kind == OrgUnitKind.PillarUnit)
            {
                errors["name"] = ["Tên đơn vị trụ cột lấy từ danh mục nhập (pillar unit names come from the import)."];
            }
            else if (string.IsNullOrWhiteSpace(request.Name))
            {
                errors["name"] = ["Tên đơn vị không được để trống (the name is required)."];
            }
        }

        if (errors.Count > 0)
        {
            return UnitEditResult.Invalid(errors);
        }

        unit.Name = request.Name?.Trim() ?? unit.Name;
        unit.IsActive = request.IsActive ?? unit.IsActive;
        ApplyContacts(unit, request);
        await db.SaveChangesAsync(cancellationToken);
        return UnitEditResult.Saved(UnitDto.From(unit));
    }

    private static Dictionary<string, string[]> ValidateContacts(SubUnitRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(request.HeadEmail) && !IsEmail(request.HeadEmail))
        {
            errors["headEmail"] = [$"'{request.HeadEmail}' không phải địa chỉ email (not an email address)."];
        }

        var bad = SplitEmails(request.ContactEmails).Where(e => !IsEmail(e)).ToList();
        if (bad.Count > 0)
        {
            errors["contactEmails"] = [$"Không phải địa chỉ email (not email addresses): {string.Join(", ", bad)}."];
        }

        return errors;
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
            unit.ContactEmails = SplitEmails(request.ContactEmails) is { Count: > 0 } list ? string.Join(';', list) : null;
        }
    }

    private static List<string> SplitEmails(string? emails) =>
        (emails ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && value.Contains('@', StringComparison.Ordinal);
}
