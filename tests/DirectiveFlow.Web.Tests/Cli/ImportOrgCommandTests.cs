using DirectiveFlow.Core.Organisation;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Cli;

public sealed class ImportOrgCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<int> RunAsync(TestDatabase db, params string[] command) => CliHost.RunAsync(db, [CliCommands.ImportOrg, .. command]);

    [Fact]
    public async Task Import_org_loads_the_Hanoi_list_without_starting_the_web_server()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();

        var exitCode = await RunAsync(db, ReferenceData.HanoiCommunesCsv);

        Assert.Equal(0, exitCode);
        await using var read = db.CreateContext();
        Assert.Equal(504, await read.Units.CountAsync(u => u.Level == UnitLevel.Commune, Ct));
        Assert.Equal(0, await read.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_org_official_imports_the_national_list_the_product_carries_and_refuses_an_unknown_name()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();

        Assert.Equal(0, await RunAsync(db, CliCommands.Official, "vn-2025"));
        Assert.Equal(2, await RunAsync(db, CliCommands.Official, "atlantis-2025"));

        await using var read = db.CreateContext();
        Assert.Equal(34, await read.Localities.CountAsync(l => l.Type == LocalityType.Province, Ct));
        Assert.Equal(3321 * 4, await read.Units.CountAsync(u => u.Level == UnitLevel.Commune, Ct));
    }

    [Fact]
    public async Task Import_org_with_a_bad_file_exits_non_zero_and_writes_nothing()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "code,name,type\n00070,Hoàn Kiếm,phuong\n00070,Hoàn Kiếm,phuong\n", Ct);
        try
        {
            Assert.Equal(1, await RunAsync(db, file));
            Assert.Equal(2, await RunAsync(db, file + ".missing"));
        }
        finally
        {
            File.Delete(file);
        }

        await using var read = db.CreateContext();
        Assert.Equal(0, await read.Units.CountAsync(Ct));
    }
}
