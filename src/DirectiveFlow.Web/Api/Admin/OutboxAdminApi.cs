using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Api.Directives;
using DirectiveFlow.Web.Api.Problems;

namespace DirectiveFlow.Web.Api.Admin;

/// <summary>Administrators watch the email outbox (dead letters with their last error) and retry a dead letter, or all of them.</summary>
public static class OutboxAdminApi
{
    public static IEndpointRouteBuilder MapOutboxAdminApi(this IEndpointRouteBuilder routes)
    {
        var outbox = routes.MapGroup("/api/admin/outbox").WithTags("Email").RequireAuthorization(Roles.Administrator);
        outbox.MapGet("/", async (string? status, int? page, int? pageSize, OutboxAdministration admin, CancellationToken ct) =>
        {
            if (!ApiEnum.TryParse<OutboxStatus>(status, "status", out var filter, out var problem))
            {
                return problem;
            }

            return Results.Ok(await admin.ListAsync(filter, PageRequest.From(page, pageSize), ct));
        });
        outbox.MapPost("/{id:long}/retry", async (long id, OutboxAdministration admin, CancellationToken ct) =>
            await admin.RetryAsync(id, ct) switch
            {
                OutboxAdministration.RetryOutcome.Queued => Results.Accepted(),
                OutboxAdministration.RetryOutcome.NotFound => ApiProblems.Of(ProblemException.NotFound(ErrorCodes.OutboxMessageNotFound)),
                _ => ApiProblems.Of(ProblemException.Conflict(ErrorCodes.OutboxOnlyDeadLetter)),
            });
        outbox.MapPost("/retry-dead-letters", async (OutboxAdministration admin, CancellationToken ct) =>
            Results.Ok(new { retried = await admin.RetryAllAsync(ct) }));
        return routes;
    }
}
