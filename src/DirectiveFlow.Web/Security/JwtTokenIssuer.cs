using System.Security.Claims;
using System.Text;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// Issues bearer tokens carrying the same claims as the UI cookie (id, name, roles, unit, language) and a hash of the
/// account's security stamp (<see cref="SessionValidator"/>), timed by the real clock (<see cref="WallClock"/>).
/// </summary>
public sealed class JwtTokenIssuer(
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<AuthOptions> options,
    WallClock clock)
{
    private static readonly string[] CarriedClaims =
        [ClaimTypes.NameIdentifier, ClaimTypes.Name, ClaimTypes.Role, DirectiveFlowClaims.UnitId, DirectiveFlowClaims.Language];

    public static SymmetricSecurityKey SigningKey(AuthOptions auth) => new(Encoding.UTF8.GetBytes(auth.EffectiveSigningKey));

    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(AppUser user)
    {
        var auth = options.Value;
        var principal = await claimsFactory.CreateAsync(user);
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(auth.TokenLifetimeMinutes);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(principal.Claims.Where(c => CarriedClaims.Contains(c.Type))
                .Append(new Claim(SessionStamp.ClaimType, SessionStamp.Hash(user.SecurityStamp)))),
            SigningCredentials = new SigningCredentials(SigningKey(auth), SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}
