using System.Security.Claims;
using DirectiveFlow.Infrastructure.Directives.Items;
using DirectiveFlow.Infrastructure.Identity;
using Mediator;

namespace DirectiveFlow.Web.Api.Directives;

/// <summary>
/// The items of an itemized document. <c>POST /api/directives/parse-items {text}</c>: the items a pasted conclusion
/// proposes, with what each matched and how sure it is (issuers and administrators; nothing is stored).
/// <c>GET /api/directives/{id}/items</c>: an issued directive's items with their units, deadlines and tasks, for whoever
/// may read its document (others get 404). Items are issued with the directive, in <c>inputs.items</c>.
/// </summary>
public static class DirectiveItemsApi
{
    public static RouteGroupBuilder MapDirectiveItems(this RouteGroupBuilder directives)
    {
        directives.MapGet("/{id:guid}/items", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new ListDirectiveItemsQuery(id, Caller.Of(user)), ct)));
        directives.MapPost("/parse-items", async (ParseItemsRequest body, ICurrentUser current, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ParseItemsQuery(body.Text, current.UnitId), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Issuer));
        return directives;
    }
}

/// <summary>The pasted text of the conclusion or notice.</summary>
public sealed record ParseItemsRequest(string? Text);
