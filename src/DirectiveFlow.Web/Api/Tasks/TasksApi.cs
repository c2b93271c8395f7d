using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.Web.Api.Directives;
using DirectiveFlow.Web.Api.Problems;
using DirectiveFlow.Web.Localization;
using Mediator;

namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>
/// The unit-task API (issue 4): inbox, task, lifecycle actions, review and extension queues; giving a task to a named
/// officer and the people of a unit it can be given to (issue 13).
/// </summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").RequireAuthorization().AddEndpointFilter<ProblemFilter>().WithTags("Tasks");
        tasks.MapGet("/", async ([AsParameters] TaskListParameters p, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListTasksQuery(p.ToFilter()), ct)));
        tasks.MapGet("/counts", async ([AsParameters] TaskListParameters p, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CountTasksQuery(p.ToFilter()), ct)));
        tasks.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTaskQuery(id), ct)));
        // An email's line comes worded in the caller's language (culture cookie or preference), as the task page shows it.
        tasks.MapGet("/{id:guid}/journal", async (Guid id, int? page, int? pageSize, ISender sender, UiText text, CancellationToken ct) =>
        {
            var journal = await sender.Send(new GetTaskJournalQuery(id, PageRequest.From(page, pageSize)), ct);
            return TypedResults.Ok(journal with
            {
                Items = [.. journal.Items.Select(e => e.Delivery is { } email ? e with { Detail = JournalText.Delivery(text, email) } : e)],
            });
        });

        tasks.MapPost("/{id:guid}/acknowledge", (Guid id, ISender sender, CancellationToken ct) =>
            Act(sender, new AcknowledgeTaskCommand(id), ct));
        tasks.MapPost("/{id:guid}/progress", (Guid id, ProgressRequest body, ISender sender, CancellationToken ct) =>
            Act(sender, new ReportProgressCommand(id, body.Note, body.Percent), ct));
        tasks.MapPost("/{id:guid}/complete", (Guid id, CompleteRequest body, ISender sender, CancellationToken ct) =>
            Act(sender, new CompleteTaskCommand(id, body.Result, body.Outcome), ct));
        tasks.MapPost("/{id:guid}/contributions", (Guid id, ContributionRequest body, ISender sender, CancellationToken ct) =>
            Act(sender, new ContributeToTaskCommand(id, body.Note), ct));
        tasks.MapPost("/{id:guid}/extension-requests", (Guid id, ExtensionRequestBody body, ISender sender, CancellationToken ct) =>
            Act(sender, new RequestExtensionCommand(id, body.AdditionalWorkingDays, body.NewDueDate, body.Reason), ct, id));
        tasks.MapPost("/{id:guid}/extension-requests/{requestId:guid}/decision",
            (Guid id, Guid requestId, ExtensionDecisionRequest body, ISender sender, CancellationToken ct) =>
                Act(sender, new DecideExtensionCommand(id, requestId, body.Approve, body.Comment), ct, id));
        tasks.MapPost("/{id:guid}/review", (Guid id, ReviewRequest body, ISender sender, CancellationToken ct) =>
            Act(sender, new ReviewTaskCommand(id, body.Decision, body.Comment), ct));
        tasks.MapPost("/{id:guid}/assign", (Guid id, AssignRequest body, ISender sender, CancellationToken ct) =>
            Act(sender, new AssignTaskCommand(id, body.UserId), ct));
        tasks.MapPost("/{id:guid}/cancel", (Guid id, CancelRequest body, ISender sender, CancellationToken ct) =>
            Act(sender, new CancelTaskCommand(id, body.Reason), ct));
        tasks.MapTaskAttachments();

        var queues = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<ProblemFilter>().WithTags("Tasks");
        queues.MapGet("/reviews", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListReviewsQuery(PageRequest.From(page, pageSize)), ct)));
        queues.MapGet("/extension-requests", async (string? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        {
            if (!ApiEnum.TryParse<ExtensionRequestStatus>(status, "status", out var wanted, out var problem))
            {
                return problem;
            }

            return Results.Ok(await sender.Send(new ListExtensionRequestsQuery(wanted, PageRequest.From(page, pageSize)), ct));
        });
        queues.MapGet("/units/{id:guid}/officers", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListUnitOfficersQuery(id), ct)));
        app.MapSubCascadeApi();
        return app;
    }

    /// <summary>Runs a lifecycle command, then answers with the task as the caller now sees it (allowed actions included).</summary>
    private static async Task<IResult> Act(ISender sender, ICommand<Guid> command, CancellationToken ct, Guid? taskId = null)
    {
        var id = await sender.Send(command, ct);
        return TypedResults.Ok(await sender.Send(new GetTaskQuery(taskId ?? id), ct));
    }
}
