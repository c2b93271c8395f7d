using DirectiveFlow.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// Identity's sign-in manager with the rules of this product: a deactivated account is refused once its password is
/// proved (<see cref="DeactivatedSignInResult"/>; before that, the answer says nothing about the account); in Production
/// a correct demo password is refused (<see cref="DemoPasswordSignInResult"/>), for the login page, the form endpoint
/// and the token endpoint alike; and
/// signing out rotates the account's security stamp, which ends every session of that account (cookies replayed after
/// logout, bearer tokens) on every node.
/// </summary>
public sealed class GuardedSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    DemoPasswordGuard demoPasswords)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.Succeeded && !user.IsActive)
        {
            Logger.LogInformation("Sign-in of {UserName} refused: the account is deactivated.", user.UserName);
            return DeactivatedSignInResult.Instance;
        }

        if (!result.Succeeded || !demoPasswords.Refuses(password))
        {
            return result;
        }

        Logger.LogWarning("Sign-in of {UserName} refused: the account still has the demo password; an administrator must set a new one.", user.UserName);
        return DemoPasswordSignInResult.Instance;
    }

    public override async Task SignOutAsync()
    {
        if (await UserManager.GetUserAsync(Context.User) is { } user)
        {
            await UserManager.UpdateSecurityStampAsync(user);
        }

        await base.SignOutAsync();
    }
}
