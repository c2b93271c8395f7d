using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>Reads the caller from the current request's principal (cookie or bearer token alike).</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => ParseGuid(ClaimTypes.NameIdentifier);

    public string UserName => IsAuthenticated ? Principal?.FindFirstValue(ClaimTypes.Name) ?? "" : "";

    public Guid? UnitId => IsAuthenticated ? DirectiveFlowClaims.UnitIdOf(Principal!) : null;

    public string Language => Principal?.FindFirstValue(DirectiveFlowClaims.Language) is "en" ? "en" : "vi";

    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);

    private Guid? ParseGuid(string claimType) =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(claimType), out var value) ? value : null;
}
