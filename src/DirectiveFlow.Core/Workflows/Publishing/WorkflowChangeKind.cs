namespace DirectiveFlow.Core.Workflows.Publishing;

/// <summary>What one entry of a <see cref="WorkflowDiff"/> says changed.</summary>
public enum WorkflowChangeKind
{
    FlowRenamed = 1,
    DescriptionChanged = 2,
    IssuersChanged = 3,
    PoliciesChanged = 4,
    InputAdded = 5,
    InputRemoved = 6,
    InputChanged = 7,
    ActivityAdded = 8,
    ActivityRemoved = 9,
    ActivityRenamed = 10,
    ActivityTypeChanged = 11,
    PropertyChanged = 12,
    ConnectionAdded = 13,
    ConnectionRemoved = 14,
}
