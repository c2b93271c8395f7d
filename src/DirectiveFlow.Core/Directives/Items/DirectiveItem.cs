namespace DirectiveFlow.Core.Directives.Items;

/// <summary>
/// One numbered item of an itemized document (a conclusion's "1. Giao Sở Xây dựng chủ trì …"): its own lead unit,
/// supporting units, deadline and content. The flow's item cascade gives each item one branch; the item's tasks carry
/// its <see cref="Ordinal"/> in <c>UnitTask.ItemNo</c>.
/// </summary>
public sealed class DirectiveItem
{
    public Guid Id { get; set; }

    public Guid DirectiveId { get; set; }

    /// <summary>The item's position in the document, 1-based; unique within the directive.</summary>
    public int Ordinal { get; set; }

    /// <summary>The item's number as the document writes it ("1", "1.2", "a"); the ordinal when it writes none.</summary>
    public required string Number { get; set; }

    public required string Content { get; set; }

    /// <summary>The unit that leads (chủ trì) the item.</summary>
    public Guid LeadUnitId { get; set; }

    /// <summary>The units that support (phối hợp) it; never the lead.</summary>
    public List<Guid> SupportingUnitIds { get; set; } = [];

    /// <summary>The last day the item allows, when the item sets a date.</summary>
    public DateOnly? DeadlineDate { get; set; }

    /// <summary>Working days from issue, when the item sets a number of days instead of a date.</summary>
    public int? DeadlineDays { get; set; }

    /// <summary>No fixed deadline ("thường xuyên"): the unit reports periodically; the task runs to the flow's own deadline.</summary>
    public bool Periodic { get; set; }

    /// <summary>The item's own priority, when it differs from the directive's.</summary>
    public DirectivePriority? Priority { get; set; }
}
