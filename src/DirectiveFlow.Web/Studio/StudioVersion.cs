using DirectiveFlow.Infrastructure.Workflows;

namespace DirectiveFlow.Web.Studio;

/// <summary>One stored version of a definition as the studio lists it; <see cref="Stamp"/> guards concurrent saves; a
/// published version says who published it and why (<see cref="ChangeNote"/>).</summary>
public sealed record StudioVersion(
    int Version, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, int Stamp = 0,
    string? PublishedBy = null, string? ChangeNote = null)
{
    /// <summary>What a save or publish based on this version expects to find: this version, at this stamp.</summary>
    public DefinitionStamp Expected => new(Version, Stamp);
}
