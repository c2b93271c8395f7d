using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>A unit in the tree; <see cref="ParentId"/> links it to its parent.</summary>
public sealed record UnitTreeNode(
    Guid Id,
    string Code,
    string Name,
    Pillar Pillar,
    UnitLevel Level,
    OrgUnitKind Kind,
    Guid? ParentId,
    Guid LocalityId,
    string LocalityCode,
    string LocalityName,
    string? ContactEmails,
    bool IsActive,
    IReadOnlyList<UnitHead> Heads);
