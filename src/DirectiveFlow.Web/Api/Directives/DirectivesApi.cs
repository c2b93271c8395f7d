using System.Security.Claims;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Api.Problems;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveFlow.Web.Api.Directives;

/// <summary>The directives API (issue 3): issue, list, detail with progress, tasks and journal.</summary>
public static class DirectivesApi
{
    public static IEndpointRouteBuilder MapDirectivesApi(this IEndpointRouteBuilder app)
    {
        var directives = app.MapGroup("/api/directives").RequireAuthorization().AddEndpointFilter<ProblemFilter>().WithTags("Directives");
        directives.MapPost("/", IssueAsync).WithRequestBodyLimit(InputLimits.LargeRequestBodyBytes);
        directives.MapDirectiveAttachments();
        directives.MapDirectiveItems();
        // Withdrawing: the issuing unit's issuers and administrators (WithdrawDirectiveCommand decides, as the page's form).
        directives.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawDirectiveRequest body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new WithdrawDirectiveCommand(id, body.Reason, Caller.Of(user)), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Issuer));

        // Directive-wide views list every unit's work: for issuers, observers and administrators. A unit sees its own
        // part through /api/tasks, never another ward's. A directive outside the reader's scope (DirectiveReader) answers
        // 404, as one that does not exist.
        var reads = directives.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Observer, Roles.Issuer));
        reads.MapGet("/", async (Guid? issuingUnitId, string? q, string? priority, string? documentType, DateOnly? issuedFrom, DateOnly? issuedTo, int? page, int? pageSize, ClaimsPrincipal user,
            ISender sender, CancellationToken ct) =>
            ApiEnum.TryParse<DirectivePriority>(priority, "priority", out var p, out var problem)
            && ApiEnum.TryParse<DocumentType>(documentType, "documentType", out var type, out problem)
                ? Results.Ok(await sender.Send(new ListDirectivesQuery(issuingUnitId, q, p, PageRequest.From(page, pageSize), await sender.Send(new GetDirectiveReaderQuery(user), ct),
                    DocumentType: type, IssuedFrom: issuedFrom, IssuedTo: issuedTo), ct))
                : problem);
        reads.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            await sender.Send(new GetDirectiveQuery(id, await sender.Send(new GetDirectiveReaderQuery(user), ct)), ct) is { } detail ? Results.Ok(detail) : NotFound(id));
        reads.MapGet("/{id:guid}/tasks", async (Guid id, string? status, string? category, string? pillar, Guid? unitId, int? page, int? pageSize,
            ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            if (!ApiEnum.TryParse<UnitTaskStatus>(status, "status", out var s, out var problem)
                || !ApiEnum.TryParse<TaskCategory>(category, "category", out var c, out problem)
                || !ApiEnum.TryParse<Pillar>(pillar, "pillar", out var p, out problem))
            {
                return problem;
            }

            return await sender.Send(new GetDirectiveQuery(id, await sender.Send(new GetDirectiveReaderQuery(user), ct)), ct) is null
                ? NotFound(id)
                : Results.Ok(await sender.Send(new ListDirectiveTasksQuery(id, s, c, p, unitId, PageRequest.From(page, pageSize)), ct));
        });
        reads.MapGet("/{id:guid}/journal", async (Guid id, int? page, int? pageSize, ClaimsPrincipal user, ISender sender,
            CancellationToken ct) =>
            await sender.Send(new GetDirectiveQuery(id, await sender.Send(new GetDirectiveReaderQuery(user), ct)), ct) is null
                ? NotFound(id)
                : Results.Ok(await sender.Send(new ListDirectiveJournalQuery(id, PageRequest.From(page, pageSize)), ct)));
        return app;
    }

    /// <summary>
    /// Issues a directive: 201 with its id. With an <c>Idempotency-Key</c> header, a retry of the same request (same key,
    /// same account) answers 200 with the directive the first one issued, and issues nothing again.
    /// </summary>
    private static async Task<IResult> IssueAsync(
        IssueDirectiveRequest body, ClaimsPrincipal user, ICurrentUser current, ISender sender,
        [FromHeader(Name = "Idempotency-Key")] string? issueKey, CancellationToken ct)
    {
        if (!ApiEnum.TryParse<DirectivePriority>(body.Priority, "priority", out var priority, out var problem)
            || !ApiEnum.TryParse<DocumentType>(body.DocumentType, "documentType", out var documentType, out problem))
        {
            return problem;
        }

        var result = await sender.Send(new IssueDirectiveCommand(body.Number, body.Title, body.Body, priority ?? DirectivePriority.Normal,
            body.IssuingUnitId, body.WorkflowDefinitionId, body.Inputs, current.UserName, Caller.Of(user), documentType, body.Document()) { Targets = body.Targets, IssueKey = issueKey }, ct);
        var issued = new { id = result.Id, instanceId = result.InstanceId };
        return result.Replayed ? Results.Ok(issued) : Results.Created($"/api/directives/{result.Id}", issued);
    }

    /// <summary>Why the directive is withdrawn: required, as the units read it in their email.</summary>
    public sealed record WithdrawDirectiveRequest(string? Reason);

    private static IResult NotFound(Guid id) => throw ProblemException.NotFound(ErrorCodes.DirectiveNotFound, id);
}
