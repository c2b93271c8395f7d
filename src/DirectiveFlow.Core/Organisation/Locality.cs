namespace DirectiveFlow.Core.Organisation;

/// <summary>A city/province or one of its commune-level units, identified by its official code.</summary>
public sealed class Locality
{
    public Guid Id { get; set; }

    /// <summary>Official code: two digits for a province ("01"), five for a commune ("00070").</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public LocalityType Type { get; set; }

    /// <summary>The province of a commune; null for a province.</summary>
    public Guid? ParentId { get; set; }
}
