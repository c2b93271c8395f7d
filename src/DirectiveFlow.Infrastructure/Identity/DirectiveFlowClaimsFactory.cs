using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>Adds the user's unit and language to the principal, so cookies and bearer tokens carry the same claims.</summary>
public sealed class DirectiveFlowClaimsFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(DirectiveFlowClaims.UnitId, unitId.ToString()));
        }

        identity.AddClaim(new Claim(DirectiveFlowClaims.Language, user.PreferredLanguage));
        if (!string.IsNullOrWhiteSpace(user.Position) && !string.IsNullOrWhiteSpace(user.FullName))
        {
            // A person (not a unit's own account): the header greets them by name.
            identity.AddClaim(new Claim(DirectiveFlowClaims.PersonName, user.FullName.Trim()));
        }

        return identity;
    }
}
