using System.Reflection;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using YamlDotNet.RepresentationModel;

namespace DirectiveFlow.Web.Tests.Deployment;

/// <summary>A compose file of the repository, read as data (Docker cannot run here), and what its variables bind to.</summary>
public sealed class ComposeFile
{
    /// <summary>Read by ASP.NET Core's host itself, not by an options class.</summary>
    private static readonly HashSet<string> HostVariables = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS"];

    private readonly YamlMappingNode _root;

    private ComposeFile(YamlMappingNode root) => _root = root;

    public YamlMappingNode Services => (YamlMappingNode)_root["services"];

    public IEnumerable<string> ServiceNames => Services.Children.Keys.Select(k => k.ToString()).Order();

    public static ComposeFile Load(string fileName)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(ReferenceData.RepositoryRoot, fileName));
        yaml.Load(reader);
        return new ComposeFile((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    public YamlMappingNode Root(string key) => (YamlMappingNode)_root[key];

    public YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    public Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString());

    public static string Scalar(YamlNode node, string key) => ((YamlMappingNode)node)[key].ToString();

    public static IEnumerable<string> Sequence(YamlNode node, string key) =>
        ((YamlSequenceNode)((YamlMappingNode)node)[key]).Children.Select(c => c.ToString());

    /// <summary>
    /// The variables no options class of the app reads: <c>Section__Property</c>, or <c>Section__Property__0</c> for an
    /// element of an array property (the section found by the class's <c>Section</c> constant).
    /// </summary>
    public static List<string> UnknownSettings(IEnumerable<string> names)
    {
        var sections = OptionsSections();
        return names.Where(n => !HostVariables.Contains(n) && !Binds(sections, n.Split("__"))).ToList();
    }

    public static IReadOnlyCollection<string> Sections => OptionsSections().Keys;

    private static bool Binds(Dictionary<string, List<Type>> sections, string[] path)
    {
        if (!sections.TryGetValue(path[0], out var types) || path.Length is < 2 or > 3)
        {
            return false;
        }

        var property = types.Select(t => t.GetProperty(path[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase))
            .FirstOrDefault(p => p?.CanWrite == true);
        return property is not null && (path.Length == 2 || (property.PropertyType.IsArray && int.TryParse(path[2], out var index) && index >= 0));
    }

    private static Dictionary<string, List<Type>> OptionsSections() =>
        new[] { typeof(Program).Assembly, typeof(DatabaseOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .GroupBy(x => (string)x.Field!.GetRawConstantValue()!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Type).ToList(), StringComparer.OrdinalIgnoreCase);
}
