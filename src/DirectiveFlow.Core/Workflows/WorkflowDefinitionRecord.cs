namespace DirectiveFlow.Core.Workflows;

/// <summary>One stored version of a definition: drafts and published versions side by side, the graph as JSON.</summary>
public sealed class WorkflowDefinitionRecord
{
    public Guid Id { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool IsPublished { get; set; }

    /// <summary>True on the newest version (draft or published) of a definition.</summary>
    public bool IsLatest { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>What the publisher said changed in this version (ghi chú thay đổi); null for drafts and older versions.</summary>
    public string? ChangeNote { get; set; }

    /// <summary>The user name of who published this version; null for drafts.</summary>
    public string? PublishedBy { get; set; }

    public int ConcurrencyStamp { get; set; }
}
