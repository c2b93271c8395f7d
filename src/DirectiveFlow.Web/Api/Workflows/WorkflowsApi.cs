using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Validation;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Workflows;
using DirectiveFlow.Infrastructure.Workflows.Queries;
using DirectiveFlow.Web.Api.Problems;
using DirectiveFlow.Web.Localization;
using Mediator;

namespace DirectiveFlow.Web.Api.Workflows;

/// <summary>Workflow definitions: every signed-in user reads; administrators validate, create, save drafts, publish and delete drafts.</summary>
public static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder routes)
    {
        // Definitions are limited by the validator (InputLimits.WorkflowDefinitionBytes, "definition-too-large"), so the
        // request may be larger and still get that precise answer.
        var group = routes.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization()
            .WithRequestBodyLimit(InputLimits.LargeRequestBodyBytes);
        group.MapGet("/", async (WorkflowDefinitionStore store, int? page, int? pageSize, CancellationToken ct) =>
                Results.Ok(await store.ListAsync(PageRequest.From(page, pageSize), ct)))
            .WithSummary("Definitions with their latest and published versions (paged).");
        group.MapGet("/{definitionId}", GetAsync)
            .WithSummary("The latest version, or ?version=N; the ETag (version.stamp) is what If-Match sends back.");
        group.MapGet("/{definitionId}/export", ExportAsync).WithSummary("The definition file (canonical JSON), latest or ?version=N.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.Administrator).Accepts<object>("application/json")
            .WithSummary("Create or import a definition as version 1 draft; 400 lists every validation error.");
        group.MapPut("/{definitionId}", SaveDraftAsync).RequireAuthorization(Roles.Administrator).Accepts<object>("application/json")
            .WithSummary("Save the draft (or open version N+1 as a draft when the latest is published); optional If-Match (409 when another version or a newer save is the latest).");
        group.MapPost("/{definitionId}/publish", PublishAsync).RequireAuthorization(Roles.Administrator)
            .WithSummary("Publish the draft after validating it, with {changeNote} (required, at most 1000 characters); 409 when there is no draft.");
        group.MapGet("/{definitionId}/versions", VersionsAsync)
            .WithSummary("Every version, newest first: published or draft, dates, the publisher and the change note.");
        group.MapDelete("/{definitionId}/draft", async (string definitionId, WorkflowDefinitionStore store, CancellationToken ct) =>
                WorkflowResults.From(await store.DeleteDraftAsync(definitionId, ct), _ => Results.NoContent()))
            .RequireAuthorization(Roles.Administrator).WithSummary("Delete the open draft; the published version becomes the latest again.");
        // Administrators only: validation runs the flow's conditions (sandboxed, but each may use up to the time limit).
        group.MapPost("/validate", ValidateAsync).RequireAuthorization(Roles.Administrator).Accepts<object>("application/json")
            .WithSummary("Validate a definition without saving it: {valid, errors}.");

        routes.MapGet("/api/activity-types", (ActivityCatalog activities) => Results.Ok(activities.All)).WithTags("Workflows").RequireAuthorization()
            .WithSummary("The activity types: names (vi/en), ports, property fields, blocking or not.");
        return routes;
    }

    private static async Task<IResult> GetAsync(string definitionId, int? version, WorkflowDefinitionStore store, HttpResponse response, CancellationToken ct)
    {
        if (await store.GetAsync(definitionId, version, ct) is not { } record)
        {
            return WorkflowResults.NotFound(definitionId, version);
        }

        return WorkflowResults.OkWithETag(response, record);
    }

    private static async Task<IResult> ExportAsync(string definitionId, int? version, WorkflowDefinitionStore store, CancellationToken ct) =>
        await store.GetAsync(definitionId, version, ct) is { } record
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(record.Json), "application/json", $"{record.DefinitionId}.v{record.Version}.json")
            : WorkflowResults.NotFound(definitionId, version);

    private static async Task<IResult> CreateAsync(HttpRequest request, WorkflowDefinitionStore store, CancellationToken ct)
    {
        var result = await store.CreateDraftAsync(await ReadBodyAsync(request, ct), ct);
        return WorkflowResults.From(result, r =>
            Results.Created($"/api/workflows/{r.Record!.DefinitionId}", WorkflowDefinitionResponse.From(r.Record)));
    }

    private static async Task<IResult> SaveDraftAsync(string definitionId, HttpRequest request, WorkflowDefinitionStore store, CancellationToken ct)
    {
        if (!WorkflowResults.TryReadStamp(request, out var stamp))
        {
            return WorkflowResults.BadIfMatch();
        }

        var result = await store.SaveDraftAsync(definitionId, await ReadBodyAsync(request, ct), stamp, ct);
        return WorkflowResults.From(result, r => WorkflowResults.OkWithETag(request.HttpContext.Response, r.Record!));
    }

    private static async Task<IResult> PublishAsync(string definitionId, PublishRequest? body, HttpRequest request, WorkflowDefinitionStore store, CancellationToken ct)
    {
        if (!WorkflowResults.TryReadStamp(request, out var stamp))
        {
            return WorkflowResults.BadIfMatch();
        }

        var publisher = request.HttpContext.User.Identity?.Name ?? "";
        var result = await store.PublishAsync(definitionId, stamp, body?.ChangeNote, publisher, ct);
        return WorkflowResults.From(result, r => WorkflowResults.OkWithETag(request.HttpContext.Response, r.Record!));
    }

    private static async Task<IResult> VersionsAsync(string definitionId, ISender sender, CancellationToken ct)
    {
        var versions = await sender.Send(new ListDefinitionVersionsQuery([definitionId]), ct);
        return versions.Count == 0
            ? WorkflowResults.NotFound(definitionId, null)
            : Results.Ok(versions.Select(WorkflowVersionResponse.From).ToList());
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, WorkflowValidator validator, CancellationToken ct)
    {
        var result = validator.Validate(await ReadBodyAsync(request, ct));
        return Results.Ok(ValidationResponse.From(result, ProblemLanguage.IsEnglish(request.HttpContext)));
    }

    /// <summary>The raw body, so malformed JSON reaches the validator and comes back as a specific error.</summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }
}
