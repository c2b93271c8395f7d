using System.Text.Json;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Tasks.Access;

/// <summary>
/// What the caller may do now: the state machine's actions, narrowed by the caller's sides and by context the
/// commands also enforce (an open extension request, the deadline, an open sub-cascade). Names are camelCase.
/// </summary>
public static class TaskAllowedActions
{
    public static IReadOnlyList<string> For(
        UnitTask task, TaskSides sides, bool hasOpenExtensionRequest, bool subCascadeOpen, DateTimeOffset now) =>
        TaskStateMachine.AllowedIn(task.Status)
            .Where(a => TaskAccessPolicy.MayPerform(a, sides))
            .Where(a => a switch
            {
                TaskAction.RequestExtension => !hasOpenExtensionRequest && now <= task.DueAt,
                TaskAction.DecideExtension => hasOpenExtensionRequest,
                TaskAction.Complete => !subCascadeOpen || task.AllowCompleteBeforeSubCascade,
                _ => true,
            })
            .Select(Name)
            .ToArray();

    public static string Name(TaskAction action) => JsonNamingPolicy.CamelCase.ConvertName(action.ToString());
}
