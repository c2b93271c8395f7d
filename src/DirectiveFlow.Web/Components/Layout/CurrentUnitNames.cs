using System.Security.Claims;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Queries;
using Mediator;

namespace DirectiveFlow.Web.Components.Layout;

/// <summary>The signed-in user's unit name for the header (<see cref="GetUnitNameQuery"/>).</summary>
public sealed class CurrentUnitNames(IMediator mediator)
{
    public async Task<string?> ForAsync(ClaimsPrincipal user) =>
        DirectiveFlowClaims.UnitIdOf(user) is { } unitId ? await mediator.Send(new GetUnitNameQuery(unitId)) : null;
}
