using System.Security.Claims;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Api.Problems;
using Mediator;

namespace DirectiveFlow.Web.Api.Workflows;

/// <summary>
/// What an issuer may choose from: <c>GET /api/workflows/{definitionId}/targets</c> lists the published flow's narrowable
/// cascades with their full target sets; <c>…/targets/{activityId}</c> one of them. The set is the one the caller would
/// get issuing for <c>?issuingUnitId=</c> (by default the caller's own unit), which the caller must be allowed to issue for.
/// </summary>
public static class WorkflowTargetsApi
{
    public static IEndpointRouteBuilder MapWorkflowTargetsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workflows/{definitionId}/targets").WithTags("Workflows")
            .RequireAuthorization().AddEndpointFilter<ProblemFilter>();
        group.MapGet("/", async (string definitionId, Guid? issuingUnitId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                Results.Ok(await ListAsync(definitionId, issuingUnitId, user, sender, ct)))
            .WithSummary("The narrowable cascades of the published flow, each with every unit (and commune) it may reach.");
        group.MapGet("/{activityId}", async (string definitionId, string activityId, Guid? issuingUnitId, ClaimsPrincipal user, ISender sender,
                CancellationToken ct) =>
                (await ListAsync(definitionId, issuingUnitId, user, sender, ct)).FirstOrDefault(c => c.ActivityId == activityId) is { } cascade
                    ? Results.Ok(cascade)
                    : throw ProblemException.NotFound(ErrorCodes.TargetsNotNarrowable, activityId))
            .WithSummary("One narrowable cascade's full target set: unit code and name, commune code and name.");
        return routes;
    }

    private static async Task<IReadOnlyList<CascadeTargetSet>> ListAsync(
        string definitionId, Guid? issuingUnitId, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        // An administrator's account may have no unit of its own: it names the unit it would issue for.
        var unitId = issuingUnitId ?? DirectiveFlowClaims.UnitIdOf(user)
            ?? throw ProblemException.Invalid("issuingUnitId", ErrorCodes.UnknownIssuingUnit);
        if (!IssueRule.MayIssueFor(user, unitId))
        {
            throw ProblemException.Forbidden(ErrorCodes.IssueForbidden);
        }

        return await sender.Send(new ListChoosableTargetsQuery(definitionId, unitId), ct)
            ?? throw ProblemException.NotFound(ErrorCodes.UnknownWorkflow);
    }
}
