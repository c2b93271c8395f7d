using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Engine.SubCascades;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Web.Api.Problems;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Api.Directives;

/// <summary><c>POST /api/tasks/{id}/cascade</c>: the lead unit's officer or head re-cascades its task to its own sub-units.</summary>
public static class SubCascadeApi
{
    public static IEndpointRouteBuilder MapSubCascadeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/{id:guid}/cascade", CascadeAsync).RequireAuthorization().AddEndpointFilter<ProblemFilter>().WithTags("Tasks");
        return app;
    }

    private static async Task<IResult> CascadeAsync(
        Guid id, SubCascadeRequest body, ICurrentUser user, DirectiveFlowDbContext db, ISender sender, CancellationToken ct)
    {
        var unitId = await db.Tasks.Where(t => t.Id == id).Select(t => (Guid?)t.UnitId).SingleOrDefaultAsync(ct);
        if (unitId is null || user.UnitId != unitId || !(user.IsInRole(Roles.UnitOfficer) || user.IsInRole(Roles.UnitHead)))
        {
            // Existence of another unit's task does not leak: not yours reads as not found.
            throw ProblemException.NotFound(ErrorCodes.UnitTaskNotFound, id);
        }

        var result = await sender.Send(new StartSubCascadeCommand(id, body.UnitIds, body.Selector, body.Title, body.Instructions, body.Deadline, user.UserName), ct);
        return Results.Created($"/api/tasks/{id}", new { executionId = result.ExecutionId, taskIds = result.TaskIds });
    }
}
