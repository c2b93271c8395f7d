namespace DirectiveFlow.Core.Tasks;

public enum ExtensionRequestStatus
{
    Requested = 1,
    Approved = 2,
    Rejected = 3,
}
