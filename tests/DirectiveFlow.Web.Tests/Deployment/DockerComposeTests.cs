using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using static DirectiveFlow.Web.Tests.Deployment.ComposeFile;

namespace DirectiveFlow.Web.Tests.Deployment;

/// <summary>
/// Docker cannot run here, so the compose file is checked as data: the services exist and every variable handed to
/// the app binds to a property of an options class the app registers (found by its <c>Section</c> constant).
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly ComposeFile Compose = Load("docker-compose.yml");

    [Fact]
    public void Compose_runs_the_app_sql_server_2022_and_an_smtp_catcher()
    {
        Assert.Equal(["app", "smtp4dev", "sqlserver"], Compose.ServiceNames);
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", Scalar(Compose.Service("sqlserver"), "image"), StringComparison.Ordinal);
        Assert.StartsWith("rnwood/smtp4dev", Scalar(Compose.Service("smtp4dev"), "image"), StringComparison.Ordinal);
        var build = Compose.Service("app")["build"];
        Assert.True(File.Exists(Path.Combine(ReferenceData.RepositoryRoot, Scalar(build, "dockerfile"))));
    }

    [Fact]
    public void Every_variable_given_to_the_app_is_a_setting_the_app_reads()
    {
        Assert.Empty(UnknownSettings(Compose.Environment("app").Keys));
        Assert.Contains("Database", Sections);
        Assert.Contains("Smtp", Sections);
    }

    [Fact]
    public void The_app_talks_to_the_compose_sql_server_and_smtp_services()
    {
        var env = Compose.Environment("app");

        Assert.Equal(DatabaseProvider.SqlServer, Enum.Parse<DatabaseProvider>(env["Database__Provider"]));
        Assert.Contains("Server=sqlserver,1433", env["Database__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains(Scalar(Compose.Service("sqlserver")["environment"], "MSSQL_SA_PASSWORD"), env["Database__ConnectionString"], StringComparison.Ordinal);
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
}
