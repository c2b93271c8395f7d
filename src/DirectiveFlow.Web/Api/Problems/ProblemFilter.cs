using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Access;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// Answers a use case's <see cref="ProblemException"/> with its ProblemDetails (<see cref="ApiProblems"/>); an illegal
/// task transition is a 409 that names the actions allowed in the current state and the states that would allow the
/// attempted one.
/// </summary>
public sealed class ProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ProblemException problem)
        {
            return ApiProblems.From(problem, context.HttpContext);
        }
        catch (TaskTransitionException e)
        {
            return ApiProblems.From(new ProblemException(ProblemKind.Conflict, new ErrorMessage(ErrorCodes.TaskStateForbids))
            {
                Extensions = new Dictionary<string, object?>
                {
                    ["taskStatus"] = e.Status.ToString(),
                    ["attempted"] = TaskAllowedActions.Name(e.Action),
                    ["allowedActions"] = e.AllowedActions.Select(TaskAllowedActions.Name).ToArray(),
                    ["allowedStates"] = e.AllowedStates.Select(s => s.ToString()).ToArray(),
                },
            }, context.HttpContext);
        }
    }
}
