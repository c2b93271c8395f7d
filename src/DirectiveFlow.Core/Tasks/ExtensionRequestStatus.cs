namespace DirectiveFlow.Core.Tasks;

public enum ExtensionRequestStatus
{
    Requested = 1,
    Approved = 2,
    Rejected = 3,

    /// <summary>Closed undecided because its task ended (completed, accepted or cancelled) while it was open.</summary>
    Superseded = 4,
}
