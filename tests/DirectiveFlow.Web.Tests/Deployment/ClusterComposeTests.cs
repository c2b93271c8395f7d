using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using Npgsql;
using static DirectiveFlow.Web.Tests.Deployment.ComposeFile;

namespace DirectiveFlow.Web.Tests.Deployment;

/// <summary>
/// docker-compose.cluster.yml, read as data: two identical nodes on one PostgreSQL database with Quartz clustered,
/// nginx balancing over both (its configuration file in the repository), smtp4dev.
/// </summary>
public sealed partial class ClusterComposeTests
{
    private static readonly ComposeFile Compose = Load("docker-compose.cluster.yml");
    private static readonly string[] Nodes = ["app1", "app2"];

    [Fact]
    public void The_cluster_runs_two_app_nodes_postgresql_nginx_and_an_smtp_catcher()
    {
        Assert.Equal(["app1", "app2", "nginx", "postgres", "smtp4dev"], Compose.ServiceNames);
        Assert.StartsWith("postgres:", Scalar(Compose.Service("postgres"), "image"), StringComparison.Ordinal);
        Assert.StartsWith("nginx:", Scalar(Compose.Service("nginx"), "image"), StringComparison.Ordinal);
        Assert.StartsWith("rnwood/smtp4dev", Scalar(Compose.Service("smtp4dev"), "image"), StringComparison.Ordinal);
        // The same image as docker-compose.yml builds, for both nodes.
        var single = Load("docker-compose.yml").Service("app")["build"];
        foreach (var node in Nodes)
        {
            var build = Compose.Service(node)["build"];
            Assert.Equal((Scalar(single, "context"), Scalar(single, "dockerfile")), (Scalar(build, "context"), Scalar(build, "dockerfile")));
            Assert.Equal("directiveflow:cluster", Scalar(Compose.Service(node), "image"));
        }
    }

    [Fact]
    public void Both_nodes_get_the_same_settings_and_every_one_is_a_setting_the_app_reads()
    {
        var (a, b) = (Compose.Environment("app1"), Compose.Environment("app2"));

        Assert.Equal(a.OrderBy(kv => kv.Key), b.OrderBy(kv => kv.Key));
        Assert.Empty(UnknownSettings(a.Keys));
        // The keys under the cookies are in the database both read; the bearer tokens' signing key is the same.
        Assert.Equal(DatabaseProvider.PostgreSql, Enum.Parse<DatabaseProvider>(a["Database__Provider"]));
        Assert.True(a["Auth__SigningKey"].Length >= 32);
        Assert.Equal("true", a["Scheduling__Clustered"]);
        Assert.Equal("smtp4dev", a["Smtp__Host"]);
        Assert.Equal("25", a["Smtp__Port"]);
        // No node is reachable but through the balancer; the second starts once the first has migrated and seeded.
        Assert.All(Nodes, n => Assert.False(Compose.Service(n).Children.ContainsKey("ports"), n));
        Assert.Equal("service_healthy", Scalar(Compose.Service("app2")["depends_on"]["app1"], "condition"));
        Assert.Equal("service_healthy", Scalar(Compose.Service("app1")["depends_on"]["postgres"], "condition"));
        Assert.Contains("/health", string.Join(' ', Sequence(Compose.Service("app1")["healthcheck"], "test")), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_nodes_keep_attachments_in_one_volume_mounted_where_the_image_keeps_its_data()
    {
        var dataFolder = File.ReadAllLines(Path.Combine(ReferenceData.RepositoryRoot, "Dockerfile"))
            .Select(l => DataFolder().Match(l)).Single(m => m.Success).Groups[1].Value;
        Assert.False(Compose.Environment("app1").ContainsKey("Attachments__Folder"));

        var mounts = Nodes.Select(n => Assert.Single(Sequence(Compose.Service(n), "volumes"))).Distinct().ToList();
        var mount = Assert.Single(mounts).Split(':');
        Assert.Equal(dataFolder, mount[1]);
        Assert.True(Compose.Root("volumes").Children.ContainsKey(mount[0]), $"{mount[0]} is not a named volume");
    }

    [Fact]
    public void The_nodes_connect_to_the_compose_postgresql_as_its_user()
    {
        var connection = new NpgsqlConnectionStringBuilder(Compose.Environment("app1")["Database__ConnectionString"]);
        var postgres = Compose.Service("postgres")["environment"];

        Assert.Equal(("postgres", 5432), (connection.Host, connection.Port));
        Assert.Equal(Scalar(postgres, "POSTGRES_DB"), connection.Database);
        Assert.Equal(Scalar(postgres, "POSTGRES_USER"), connection.Username);
        Assert.Equal(Scalar(postgres, "POSTGRES_PASSWORD"), connection.Password);
        // Two nodes' pools fit in PostgreSQL's default 100 connections.
        Assert.InRange(connection.MaxPoolSize * Nodes.Length, 1, 100);
    }

    [Fact]
    public void Nginx_balances_over_both_nodes_on_their_port_and_forwards_the_client_address_and_scheme()
    {
        var nginx = Compose.Service("nginx");
        var mount = Assert.Single(Sequence(nginx, "volumes")).Split(':');
        Assert.Equal("/etc/nginx/conf.d/default.conf", mount[1]);
        var config = File.ReadAllText(Path.Combine(ReferenceData.RepositoryRoot, mount[0]));
        var port = Compose.Environment("app1")["ASPNETCORE_HTTP_PORTS"];

        var upstreams = Upstream().Matches(config).ToDictionary(m => m.Groups[1].Value, m => ServerLine().Matches(m.Groups[2].Value)
            .Select(s => s.Groups[1].Value).Order().ToList());
        Assert.Equal(["directiveflow", "directiveflow_circuits"], upstreams.Keys.Order());
        Assert.All(upstreams.Values, servers => Assert.Equal(Nodes.Select(n => $"{n}:{port}"), servers));
        var passes = ProxyPass().Matches(config).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["directiveflow_circuits", "directiveflow"], passes);
        // Every location sets the forwarded headers (a location that sets any header inherits none).
        Assert.Equal(passes.Count, Regex.Count(config, @"proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"));
        Assert.Equal(passes.Count, Regex.Count(config, @"proxy_set_header X-Forwarded-Proto \$scheme;"));
        // The app, not nginx, refuses a body too large (with a ProblemDetails).
        var bodyLimit = long.Parse(BodyLimit().Match(config).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024;
        Assert.True(bodyLimit > InputLimits.UploadRequestBodyBytes, $"client_max_body_size {bodyLimit} ≤ the app's {InputLimits.UploadRequestBodyBytes}");
    }

    [Fact]
    public void The_nodes_believe_forwarded_headers_from_the_compose_network_and_link_to_the_balancers_address()
    {
        var env = Compose.Environment("app1");
        var subnet = Scalar(Assert.Single(((YamlDotNet.RepresentationModel.YamlSequenceNode)Compose.Root("networks")["default"]["ipam"]["config"]).Children), "subnet");

        Assert.Equal(subnet, env["ReverseProxy__KnownNetworks__0"]);
        Assert.True(IPNetwork.TryParse(subnet, out _), subnet);
        var published = Assert.Single(Sequence(Compose.Service("nginx"), "ports")).Split(':');
        Assert.Equal("80", published[1]);
        Assert.Equal(new Uri($"http://localhost:{published[0]}"), new Uri(env["App__BaseUrl"]));
    }

    [GeneratedRegex(@"upstream\s+(\w+)\s*\{([^}]*)\}")]
    private static partial Regex Upstream();

    [GeneratedRegex(@"^\s*server\s+([\w.-]+:\d+)", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"proxy_pass\s+http://(\w+);")]
    private static partial Regex ProxyPass();

    [GeneratedRegex(@"Database__DataFolder=(\S+)")]
    private static partial Regex DataFolder();

    [GeneratedRegex(@"client_max_body_size\s+(\d+)m;")]
    private static partial Regex BodyLimit();
}
