using System.Security.Claims;
using DirectiveFlow.Infrastructure.Engine.SubCascades;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Api.Problems;
using Mediator;

namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>
/// <c>POST /api/tasks/{id}/cascade</c>: the lead unit's officer or head re-cascades its task to its own sub-units
/// (who may is decided by <see cref="StartSubCascadeCommand"/>).
/// </summary>
public static class SubCascadeApi
{
    public static IEndpointRouteBuilder MapSubCascadeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/{id:guid}/cascade", CascadeAsync).RequireAuthorization().AddEndpointFilter<ProblemFilter>().WithTags("Tasks");
        return app;
    }

    private static async Task<IResult> CascadeAsync(Guid id, SubCascadeRequest body, ClaimsPrincipal user, ICurrentUser current, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(new StartSubCascadeCommand(
            id, body.UnitIds, body.Selector, body.Title, body.Instructions, body.Deadline, current.UserName, Caller.Of(user)), ct);
        return Results.Created($"/api/tasks/{id}", new { executionId = result.ExecutionId, taskIds = result.TaskIds });
    }
}
