using System.Globalization;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Infrastructure.Workflows;

/// <summary>
/// What an editor loaded: the <see cref="Version"/> it edits and that version's concurrency <see cref="Stamp"/>. A save
/// or publish based on it is refused (409) when the latest version is another one or has changed since: every new
/// version record starts at stamp 0, so the stamp alone let a save based on version 1 overwrite someone else's new
/// draft of version 2. Written <c>"2.0"</c> (version.stamp) in ETags; a bare <c>"3"</c> from an older client has no
/// version and is compared on the stamp alone, as before.
/// </summary>
public readonly record struct DefinitionStamp(int? Version, int Stamp)
{
    public static DefinitionStamp Of(WorkflowDefinitionRecord record) => new(record.Version, record.ConcurrencyStamp);

    /// <summary>Whether <paramref name="latest"/> is still the version this was loaded from, unchanged.</summary>
    public bool Matches(WorkflowDefinitionRecord latest) =>
        Stamp == latest.ConcurrencyStamp && (Version is null || Version == latest.Version);

    /// <summary>Reads <c>2.0</c> (version.stamp) or a bare stamp <c>3</c>.</summary>
    public static bool TryParse(string text, out DefinitionStamp stamp)
    {
        stamp = default;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        int? version = null;
        if (dot >= 0)
        {
            if (!int.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return false;
            }

            version = v;
        }

        if (!int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        stamp = new DefinitionStamp(version, value);
        return true;
    }

    public override string ToString() => Version is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{v}.{Stamp}")
        : Stamp.ToString(CultureInfo.InvariantCulture);
}
