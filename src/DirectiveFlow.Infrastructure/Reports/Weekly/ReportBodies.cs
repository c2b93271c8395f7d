using System.Globalization;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// The <see cref="ReportBody"/> of a unit: a Party committee under its Đảng bộ ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI" / "THÀNH ỦY"),
/// a state body or the Front by its own name (a department under its superior), spelled out as documents are
/// ("UBND" → "ỦY BAN NHÂN DÂN"); the place is the commune of a commune's units, else the province. Without a unit (an
/// administrator) the report is the tracking system's own, dated in the default province.
/// </summary>
public static class ReportBodies
{
    public const string SystemName = "Hệ thống theo dõi nhiệm vụ";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static async Task<ReportBody> ForAsync(DirectiveFlowDbContext db, Guid? unitId, OrganisationOptions organisation, CancellationToken cancellationToken)
    {
        var unit = unitId is { } id ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) : null;
        if (unit is null)
        {
            return new ReportBody(ReportBody.StateLayout, null, Upper(SystemName), ShortName(organisation.DefaultProvinceName));
        }

        var parent = unit.ParentId is { } p ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == p, cancellationToken) : null;
        var locality = await db.Localities.AsNoTracking().SingleOrDefaultAsync(l => l.Id == unit.LocalityId, cancellationToken);
        var province = locality?.ParentId is { } provinceId
            ? await db.Localities.AsNoTracking().SingleOrDefaultAsync(l => l.Id == provinceId, cancellationToken)
            : locality;
        var provinceName = province?.Name ?? organisation.DefaultProvinceName;
        var place = unit.Level == UnitLevel.Commune && locality is not null ? locality.Name : ShortName(provinceName);
        if (unit.Pillar == Pillar.Party)
        {
            // A committee at the province level is "THÀNH ỦY" / "TỈNH ỦY" under its Đảng bộ; a ward's under the same Đảng bộ.
            var name = unit.Level != UnitLevel.Province ? unit.Name
                : provinceName.StartsWith("Thành phố ", StringComparison.Ordinal) ? "Thành ủy" : "Tỉnh ủy";
            var superior = unit.Level == UnitLevel.SubUnit && parent is not null ? parent.Name : "Đảng bộ " + provinceName;
            return new ReportBody(ReportBody.PartyLayout, Upper(superior), Upper(name), place);
        }

        return new ReportBody(ReportBody.StateLayout, unit.Level == UnitLevel.SubUnit && parent is not null ? Upper(SpelledOut(parent.Name)) : null,
            Upper(SpelledOut(unit.Name)), place);
    }

    /// <summary>"Thành phố Hà Nội" → "Hà Nội", "Tỉnh Cao Bằng" → "Cao Bằng".</summary>
    public static string ShortName(string provinceName)
    {
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh " })
        {
            if (provinceName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return provinceName[prefix.Length..];
            }
        }

        return provinceName;
    }

    private static string SpelledOut(string name) =>
        name.StartsWith("UBND ", StringComparison.Ordinal) ? "Ủy ban nhân dân " + name[5..]
        : name.StartsWith("HĐND ", StringComparison.Ordinal) ? "Hội đồng nhân dân " + name[5..]
        : name.Replace("MTTQ ", "MTTQ Việt Nam ", StringComparison.Ordinal);

    private static string Upper(string text) => text.ToUpper(Vietnamese);
}
