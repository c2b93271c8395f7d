using System.Text;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Organisation.Import;

/// <summary>What an import does with the communes the database already has: another province's, and those the file leaves out.</summary>
public sealed class ExistingCommunesImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_short_layout_file_with_another_provinces_communes_is_refused_line_by_line_and_moves_nothing(string provider)
    {
        // Regression: the short layout took every commune to be the configured province's (Hà Nội) and re-parented
        // Đà Nẵng's wards and their pillar units under Hà Nội, reported only as "updated".
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            Assert.True((await ImporterFactory.Create(context).ImportAsync(Bytes(NationalTierImportTests.TwoProvinces), Ct)).Succeeded);
        }

        await using (var context = db.CreateContext())
        {
            const string DaNangShort = "code,name,type\n00004,Ba Đình Mới,phuong\n20194,Hải Châu,phuong\n20200,Thanh Khê,phuong\n";
            var result = await ImporterFactory.Create(context).ImportAsync(Bytes(DaNangShort), Ct);

            Assert.False(result.Succeeded);
            Assert.Equal([3, 4], result.Problems.Select(p => p.Line));
            Assert.All(result.Problems, p => Assert.Equal(ErrorCodes.ImportCommuneOtherProvince, p.Problem.Code));
            Assert.Contains("Thành phố Đà Nẵng", result.Problems[0].Problem.Text(english: false), StringComparison.Ordinal);
            Assert.Contains("province_code,province_name", result.Problems[0].Message, StringComparison.Ordinal);
        }

        await using var read = db.CreateContext();
        var daNang = await read.Localities.SingleAsync(l => l.Code == "48", Ct);
        Assert.Equal(daNang.Id, (await read.Localities.SingleAsync(l => l.Code == "20194", Ct)).ParentId);
        var daNangParty = await read.Units.SingleAsync(u => u.Code == "48-PARTY", Ct);
        Assert.Equal(daNangParty.Id, (await read.Units.SingleAsync(u => u.Code == "20200-PARTY", Ct)).ParentId);
        Assert.Equal("Ba Đình", (await read.Localities.SingleAsync(l => l.Code == "00004", Ct)).Name); // nothing written
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reimport_lists_the_active_communes_of_its_province_that_the_file_leaves_out_and_deactivates_none(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.CreateContext())
        {
            var first = await ImporterFactory.Create(context).ImportAsync(Bytes(NationalTierImportTests.TwoProvinces), Ct);
            Assert.Empty(first.NotInFile);
            context.Localities.Add(new() { Id = Guid.NewGuid(), Code = "00012", Name = "Giảng Võ", ParentId = (await context.Localities.SingleAsync(l => l.Code == "01", Ct)).Id });
            await context.SaveChangesAsync(Ct); // a commune without active units: already dealt with, not listed
        }

        await using (var context = db.CreateContext())
        {
            var result = await ImporterFactory.Create(context).ImportAsync(Bytes("code,name,type\n00004,Ba Đình,phuong\n"), Ct);

            Assert.True(result.Succeeded);
            Assert.Equal(["00008"], result.NotInFile); // Hà Nội's Ngọc Hà; Đà Nẵng's wards are not this file's province
        }

        await using var read = db.CreateContext();
        Assert.True(await read.Units.Where(u => u.LocalityCode == "00008").AllAsync(u => u.IsActive, Ct));
    }

    private static byte[] Bytes(string csv) => Encoding.UTF8.GetBytes(csv);
}
