namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>
/// The official commune lists carried by the product (<c>data/reference/</c>, compiled in), so an import, a test or a
/// benchmark needs no file beside the repository.
/// </summary>
public static class OfficialLists
{
    /// <summary>Hà Nội's 126 communes, <c>code,name,type</c>.</summary>
    public const string Hanoi2025 = "hanoi-2025";

    /// <summary>The 34 provinces' 3,321 communes, <c>province_code,province_name,code,name,type</c>.</summary>
    public const string Vietnam2025 = "vn-2025";

    private static readonly Dictionary<string, string> Resources = new(StringComparer.OrdinalIgnoreCase)
    {
        [Hanoi2025] = "DirectiveFlow.Reference.hanoi-communes-2025.csv",
        [Vietnam2025] = "DirectiveFlow.Reference.vietnam-communes-2025.csv",
    };

    public static IReadOnlyCollection<string> Names => Resources.Keys;

    public static bool Exists(string name) => Resources.ContainsKey(name);

    /// <summary>The UTF-8 bytes of a built-in list, exactly as in <c>data/reference/</c>.</summary>
    public static byte[] Read(string name)
    {
        if (!Resources.TryGetValue(name, out var resource))
        {
            throw new ArgumentException($"No built-in list '{name}'; there are: {string.Join(", ", Names)}.", nameof(name));
        }

        using var stream = typeof(OfficialLists).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource {resource} is missing from the build.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
