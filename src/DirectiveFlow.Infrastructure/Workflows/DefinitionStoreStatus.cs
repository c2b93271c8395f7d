namespace DirectiveFlow.Infrastructure.Workflows;

/// <summary>What a definition store operation did, or why it did nothing.</summary>
public enum DefinitionStoreStatus
{
    Created = 1,
    Updated = 2,
    Published = 3,
    Deleted = 4,

    /// <summary>The content was already stored; nothing was written.</summary>
    Unchanged = 5,

    /// <summary>The definition failed validation; see the errors. Nothing was written.</summary>
    Invalid = 6,

    NotFound = 7,

    /// <summary>The change is not allowed in the current state, or another writer got there first.</summary>
    Conflict = 8,

    /// <summary>The change note given when publishing breaks the rule (missing or too long). Nothing was written.</summary>
    InvalidNote = 9,
}
