using System.Diagnostics;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Web.Cli;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/DirectiveFlow.Web -- import-org file.csv</c>, or
/// <c>import-org --official vn-2025</c> for a list the product carries (<see cref="OfficialLists"/>). Anything after
/// the command's own arguments is host configuration (e.g. <c>--Database:Provider=PostgreSql</c>). Also
/// <c>create-admin &lt;user name&gt;</c> (<see cref="CreateAdminCommand"/>) and <c>rebuild-tallies</c> (<see cref="RebuildTalliesCommand"/>).
/// </summary>
public static class CliCommands
{
    public const string ImportOrg = "import-org";

    public const string Official = "--official";

    public static bool IsCommand(string[] args) => args.Length > 0 && (args[0] == ImportOrg || args[0] == CreateAdminCommand.Name || args[0] == RebuildTalliesCommand.Name);

    /// <summary>The arguments the host should see as configuration: the command and its file are not configuration.</summary>
    public static string[] HostArgs(string[] args) => IsCommand(args) ? args.Skip(CommandLength(args)).ToArray() : args;

    private static int CommandLength(string[] args) =>
        args[0] == RebuildTalliesCommand.Name ? 1 : args.Length > 1 && args[1] == Official ? 3 : 2;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == CreateAdminCommand.Name)
        {
            return await CreateAdminCommand.RunAsync(app, args, Console.In);
        }

        if (args[0] == RebuildTalliesCommand.Name)
        {
            return await RebuildTalliesCommand.RunAsync(app);
        }

        if (await ReadSourceAsync(args) is not { } source)
        {
            return 2;
        }

        await app.Services.MigrateDirectiveFlowDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<OrganisationImporter>();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await importer.ImportAsync(source.Bytes);
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
            $"Imported {source.Name} in {clock.ElapsedMilliseconds} ms ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU): communes {Describe(result.Communes)}; "
            + $"provinces {Describe(result.Provinces)}; units {Describe(result.Units)}; demo accounts created {result.AccountsCreated}.");
        if (result.NotInFile.Count > 0)
        {
            Console.WriteLine(
                $"Not in this file: {result.NotInFile.Count} commune(s) of its province(s) still active in the database (merged or removed? "
                + $"deactivate their units on the units page; nothing was deactivated): {string.Join(", ", result.NotInFile)}");
        }

        return 0;
    }

    /// <summary>The named built-in list or the file, or null (with the usage printed) when neither is there.</summary>
    private static async Task<(string Name, byte[] Bytes)?> ReadSourceAsync(string[] args)
    {
        var usage = $"Usage: {ImportOrg} <communes.csv> | {ImportOrg} {Official} <{string.Join("|", OfficialLists.Names)}>";
        if (args.Length > 1 && args[1] == Official)
        {
            if (args.Length > 2 && OfficialLists.Exists(args[2]))
            {
                return ($"the official list {args[2]}", OfficialLists.Read(args[2]));
            }

            await Console.Error.WriteLineAsync($"{usage} — no built-in list named '{(args.Length > 2 ? args[2] : "")}'");
            return null;
        }

        if (args.Length < 2 || !File.Exists(args[1]))
        {
            await Console.Error.WriteLineAsync($"{usage} — file not found: {(args.Length < 2 ? "(none)" : args[1])}");
            return null;
        }

        return (args[1], await File.ReadAllBytesAsync(args[1]));
    }

    private static string Describe(ImportCounts counts) =>
        $"{counts.Created} created, {counts.Updated} updated, {counts.Unchanged} unchanged";
}
