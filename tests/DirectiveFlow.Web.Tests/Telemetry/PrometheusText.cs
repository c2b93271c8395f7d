using System.Globalization;
using System.Text.RegularExpressions;

namespace DirectiveFlow.Web.Tests.Telemetry;

/// <summary>
/// The samples of a Prometheus text exposition (<c>name{label="value",…} number</c>; comments skipped), and the sum
/// of the samples of one series name whose labels include the ones asked for.
/// </summary>
public sealed partial class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = Sample().Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value, StringComparer.Ordinal);
            _samples.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
    }

    public IEnumerable<string> Names => _samples.Select(s => s.Name).Distinct();

    /// <summary>The sum of the samples named <paramref name="name"/> carrying every label of <paramref name="labels"/> ("key=value"); 0 when none.</summary>
    public double Sum(string name, params string[] labels) => _samples
        .Where(s => s.Name == name && labels.All(l => l.Split('=', 2) is [var key, var value] && s.Labels.GetValueOrDefault(key) == value))
        .Sum(s => s.Value);

    /// <summary>The samples named <paramref name="name"/>, one a line, for an assertion's message; or the names there are.</summary>
    public string Describe(string name)
    {
        var samples = _samples.Where(s => s.Name == name).Select(s => $"{s.Name}{{{string.Join(',', s.Labels.Select(l => $"{l.Key}={l.Value}"))}}} {s.Value}").ToList();
        return samples.Count > 0 ? string.Join('\n', samples) : $"no {name}; series: {string.Join(", ", Names)}";
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex Sample();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)",?""")]
    private static partial Regex Label();
}
