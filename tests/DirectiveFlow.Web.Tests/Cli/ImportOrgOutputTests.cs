using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Cli;

namespace DirectiveFlow.Web.Tests.Cli;

[Collection(nameof(ConsoleOutput))]
public sealed class ImportOrgOutputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_org_names_the_communes_of_the_province_that_the_file_leaves_out()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();
        var file = Path.Combine(Path.GetTempPath(), $"communes-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(file, "code,name,type\n00004,Ba Đình,phuong\n00070,Hoàn Kiếm,phuong\n00613,Tây Tựu,phuong\n", Ct);
            Assert.Equal(0, await CliHost.RunAsync(db, CliCommands.ImportOrg, file));
            await File.WriteAllTextAsync(file, "code,name,type\n00070,Hoàn Kiếm,phuong\n", Ct);

            var (exitCode, output, _) = await ConsoleOutput.CaptureAsync(() => CliHost.RunAsync(db, CliCommands.ImportOrg, file));

            Assert.Equal(0, exitCode);
            Assert.Contains("Not in this file: 2 commune(s)", output, StringComparison.Ordinal);
            Assert.Contains("00004, 00613", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
