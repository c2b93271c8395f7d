namespace DirectiveFlow.Core.Directives;

/// <summary>Priority marks on a document: thường, khẩn, hỏa tốc.</summary>
public enum DirectivePriority
{
    Normal = 1,
    Urgent = 2,
    Immediate = 3,
}
