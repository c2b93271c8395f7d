using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// The status a reader sees. A task's own commands supersede its open requests when it ends, but a flow cancelled as a
/// whole closes its tasks in bulk, so a request still "requested" on an ended task is shown as what it is: superseded.
/// </summary>
internal static class ExtensionStatusView
{
    public static string Of(ExtensionRequestStatus request, UnitTaskStatus task) =>
        request == ExtensionRequestStatus.Requested && !TaskStateMachine.IsOpen(task)
            ? nameof(ExtensionRequestStatus.Superseded)
            : request.ToString();
}
