using DirectiveFlow.Infrastructure.Directives.Items;
using DirectiveFlow.Infrastructure.Identity;
using Mediator;

namespace DirectiveFlow.Web.Api.Directives;

/// <summary>
/// <c>POST /api/directives/parse-items {text}</c> (issue 17 §3): the items a pasted conclusion proposes, with what each
/// matched and how sure it is. Issuers and administrators; nothing is stored.
/// </summary>
public static class ParseItemsApi
{
    public static RouteGroupBuilder MapParseItems(this RouteGroupBuilder directives)
    {
        directives.MapPost("/parse-items", async (ParseItemsRequest body, ICurrentUser current, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ParseItemsQuery(body.Text, current.UnitId), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Issuer));
        return directives;
    }
}

/// <summary>The pasted text of the conclusion or notice.</summary>
public sealed record ParseItemsRequest(string? Text);
