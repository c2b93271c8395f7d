using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Access;

namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>
/// Turns refused task requests into ProblemDetails: 400 with field errors, 403, 404, and 409 — an illegal
/// transition names the actions allowed in the current state and the states that would allow the attempted one.
/// </summary>
public sealed class TaskProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (TaskTransitionException e)
        {
            return TypedResults.Problem(
                title: "Thao tác không hợp lệ ở trạng thái hiện tại. / Not allowed in the task's current state.",
                detail: e.Message,
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?>
                {
                    ["taskStatus"] = e.Status.ToString(),
                    ["attempted"] = TaskAllowedActions.Name(e.Action),
                    ["allowedActions"] = e.AllowedActions.Select(TaskAllowedActions.Name).ToArray(),
                    ["allowedStates"] = e.AllowedStates.Select(s => s.ToString()).ToArray(),
                });
        }
        catch (TaskProblemException e) when (e.Kind == TaskProblemKind.Invalid)
        {
            return TypedResults.ValidationProblem(e.Errors, detail: e.Message);
        }
        catch (TaskProblemException e)
        {
            var status = e.Kind switch
            {
                TaskProblemKind.NotFound => StatusCodes.Status404NotFound,
                TaskProblemKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            };
            return TypedResults.Problem(detail: e.Message, statusCode: status);
        }
    }
}
