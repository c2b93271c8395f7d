namespace DirectiveFlow.Core.Tests.Workflows;

/// <summary>The flow files of <c>workflows/</c>, as copied beside the test assembly.</summary>
public static class ShippedWorkflows
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "workflows");

    public static IReadOnlyList<string> Files => Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Files)
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));
}
