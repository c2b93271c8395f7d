using System.Reflection;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using YamlDotNet.RepresentationModel;

namespace DirectiveFlow.Web.Tests.Deployment;

/// <summary>
/// Docker cannot run here, so the compose file is checked as data: the services exist and every variable handed to
/// the app binds to a property of an options class the app registers (found by its <c>Section</c> constant).
/// </summary>
public sealed class DockerComposeTests
{
    /// <summary>Read by ASP.NET Core's host itself, not by an options class.</summary>
    private static readonly HashSet<string> HostVariables = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS"];

    private static readonly YamlMappingNode Services = LoadServices();

    [Fact]
    public void Compose_runs_the_app_sql_server_2022_and_an_smtp_catcher()
    {
        Assert.Equal(["app", "smtp4dev", "sqlserver"], Services.Children.Keys.Select(k => k.ToString()).Order());
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", Scalar(Service("sqlserver"), "image"), StringComparison.Ordinal);
        Assert.StartsWith("rnwood/smtp4dev", Scalar(Service("smtp4dev"), "image"), StringComparison.Ordinal);
        var build = (YamlMappingNode)Service("app")["build"];
        Assert.True(File.Exists(Path.Combine(ReferenceData.RepositoryRoot, Scalar(build, "dockerfile"))));
    }

    [Fact]
    public void Every_variable_given_to_the_app_is_a_setting_the_app_reads()
    {
        var sections = OptionsSections();
        var unknown = new List<string>();
        foreach (var name in Environment().Keys)
        {
            if (HostVariables.Contains(name))
            {
                continue;
            }

            var path = name.Split("__");
            if (!sections.TryGetValue(path[0], out var types) || path.Length != 2
                || !types.Any(t => t.GetProperty(path[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.CanWrite == true))
            {
                unknown.Add(name);
            }
        }

        Assert.Empty(unknown);
        Assert.Contains("Database", sections.Keys);
        Assert.Contains("Smtp", sections.Keys);
    }

    [Fact]
    public void The_app_talks_to_the_compose_sql_server_and_smtp_services()
    {
        var env = Environment();

        Assert.Equal(DatabaseProvider.SqlServer, Enum.Parse<DatabaseProvider>(env["Database__Provider"]));
        Assert.Contains("Server=sqlserver,1433", env["Database__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains(Scalar(Service("sqlserver")["environment"], "MSSQL_SA_PASSWORD"), env["Database__ConnectionString"], StringComparison.Ordinal);
        Assert.Equal("smtp4dev", env["Smtp__Host"]);
        Assert.Equal("25", env["Smtp__Port"]);
        Assert.True(env["Auth__SigningKey"].Length >= 32);
    }

    [Fact]
    public void The_dockerfile_builds_the_web_project_from_files_that_exist()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(ReferenceData.RepositoryRoot, "Dockerfile"));
        var copied = dockerfile.Where(l => l.StartsWith("COPY src/", StringComparison.Ordinal) && l.Contains(".csproj", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).ToList();

        Assert.Contains("src/DirectiveFlow.Web/DirectiveFlow.Web.csproj", copied);
        Assert.All(copied, path => Assert.True(File.Exists(Path.Combine(ReferenceData.RepositoryRoot, path)), path));
        Assert.Contains(dockerfile, l => l.Contains("dotnet publish src/DirectiveFlow.Web/DirectiveFlow.Web.csproj", StringComparison.Ordinal));
    }

    private static Dictionary<string, List<Type>> OptionsSections() =>
        new[] { typeof(Program).Assembly, typeof(DatabaseOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .GroupBy(x => (string)x.Field!.GetRawConstantValue()!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Type).ToList(), StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string> Environment() =>
        ((YamlMappingNode)Service("app")["environment"]).Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString());

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static string Scalar(YamlNode node, string key) => ((YamlMappingNode)node)[key].ToString();

    private static YamlMappingNode LoadServices()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(ReferenceData.RepositoryRoot, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }
}
