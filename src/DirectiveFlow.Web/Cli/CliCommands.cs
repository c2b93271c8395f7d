using System.Diagnostics;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Web.Cli;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/DirectiveFlow.Web -- import-org file.csv</c>.
/// Anything after the command's own arguments is host configuration (e.g. <c>--Database:Provider=PostgreSql</c>).
/// </summary>
public static class CliCommands
{
    public const string ImportOrg = "import-org";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == ImportOrg;

    /// <summary>The arguments the host should see as configuration: the command and its file are not configuration.</summary>
    public static string[] HostArgs(string[] args) => IsCommand(args) ? args.Skip(2).ToArray() : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || !File.Exists(args[1]))
        {
            await Console.Error.WriteLineAsync($"Usage: {ImportOrg} <communes.csv> — file not found: {(args.Length < 2 ? "(none)" : args[1])}");
            return 2;
        }

        await app.Services.MigrateDirectiveFlowDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<OrganisationImporter>();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await importer.ImportAsync(await File.ReadAllBytesAsync(args[1]));
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Rejected, nothing written — {result.Problems.Count} problem(s):");
            foreach (var problem in result.Problems)
            {
                await Console.Error.WriteLineAsync($"  line {problem.Line}: {problem.Message}");
            }

            return 1;
        }

        Console.WriteLine(
            $"Imported {args[1]} in {clock.ElapsedMilliseconds} ms ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU): communes {Describe(result.Communes)}; "
            + $"provinces {Describe(result.Provinces)}; units {Describe(result.Units)}; demo accounts created {result.AccountsCreated}.");
        return 0;
    }

    private static string Describe(ImportCounts counts) =>
        $"{counts.Created} created, {counts.Updated} updated, {counts.Unchanged} unchanged";
}
