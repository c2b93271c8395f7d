using System.Text;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Infrastructure.Demo;

/// <summary>
/// On the first start in demo mode: Hà Nội's four city pillar units and four real wards, loaded through the same
/// import a deployment uses, plus a few city departments and Front member organisations; then the demo logins.
/// </summary>
public sealed class DemoSeeder(
    DirectiveFlowDbContext db,
    OrganisationImporter importer,
    DemoAccountProvisioner accounts,
    IOptions<DemoOptions> options)
{
    private const string SampleWards = """
        province_code,province_name,code,name,type
        01,Thành phố Hà Nội,00004,Ba Đình,phuong
        01,Thành phố Hà Nội,00070,Hoàn Kiếm,phuong
        01,Thành phố Hà Nội,00613,Tây Tựu,phuong
        01,Thành phố Hà Nội,00619,Phú Diễn,phuong
        """;

    private static readonly (string Parent, string Suffix, string Name, OrgUnitKind Kind)[] SubUnits =
    [
        ("01-COMMITTEE", "SXD", "Sở Xây dựng Thành phố Hà Nội", OrgUnitKind.Department),
        ("01-COMMITTEE", "STC", "Sở Tài chính Thành phố Hà Nội", OrgUnitKind.Department),
        ("01-COMMITTEE", "SQHKT", "Sở Quy hoạch - Kiến trúc Thành phố Hà Nội", OrgUnitKind.Department),
        ("01-COMMITTEE", "SKHCN", "Sở Khoa học và Công nghệ Thành phố Hà Nội", OrgUnitKind.Department),
        ("01-FRONT", "LDLD", "Liên đoàn Lao động Thành phố Hà Nội", OrgUnitKind.MemberOrganisation),
        ("01-FRONT", "DTN", "Thành đoàn Hà Nội", OrgUnitKind.MemberOrganisation),
        ("01-FRONT", "HLHPN", "Hội Liên hiệp Phụ nữ Thành phố Hà Nội", OrgUnitKind.MemberOrganisation),
        ("01-FRONT", "HND", "Hội Nông dân Thành phố Hà Nội", OrgUnitKind.MemberOrganisation),
        ("01-FRONT", "HCCB", "Hội Cựu chiến binh Thành phố Hà Nội", OrgUnitKind.MemberOrganisation),
    ];

    /// <summary>Seeds once (when there is no unit yet) and tops up missing demo accounts on every start.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        if (!await db.Units.AnyAsync(cancellationToken))
        {
            var result = await importer.ImportAsync(Encoding.UTF8.GetBytes(SampleWards), cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The embedded demo organisation is invalid: " + result.Problems[0].Message);
            }

            await AddSubUnitsAsync(cancellationToken);
        }

        await accounts.EnsureAccountsAsync(cancellationToken);
    }

    private async Task AddSubUnitsAsync(CancellationToken cancellationToken)
    {
        var parents = await db.Units.Where(u => u.Code == "01-COMMITTEE" || u.Code == "01-FRONT")
            .ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var (parentCode, suffix, name, kind) in SubUnits)
        {
            var parent = parents[parentCode];
            db.Units.Add(new OrgUnit
            {
                Id = Guid.NewGuid(),
                Code = $"{parentCode}-{suffix}",
                Name = name,
                Pillar = parent.Pillar,
                Level = UnitLevel.SubUnit,
                Kind = kind,
                ParentId = parent.Id,
                LocalityId = parent.LocalityId,
                LocalityCode = parent.LocalityCode,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
