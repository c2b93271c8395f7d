using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Api.Problems;
using DirectiveFlow.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveFlow.Web.Api.Auth;

/// <summary>
/// The UI's form posts, each with the antiforgery token of the page it came from: <c>POST /account/login</c> (fields
/// username, password, rememberMe, returnUrl) and <c>POST /account/logout</c> (which ends every session of the account,
/// see <see cref="GuardedSignInManager"/>). Failures go back to <c>/login?error=invalid|locked|demo-password|deactivated</c> with the
/// return URL kept.
/// </summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/account").WithTags("Account").ExcludeFromDescription();
        // Both are form posts carrying the antiforgery token of one of our pages: another site can neither sign a user
        // in to an account of its choosing (login CSRF; SameSite limits sending cookies, not setting them) nor out.
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapPost("/logout", LogoutAsync);
        return group;
    }

    private static async Task<IResult> LoginAsync([FromForm] LoginForm form, SignInManager<AppUser> signIn)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        if (string.IsNullOrWhiteSpace(form.Username) || string.IsNullOrEmpty(form.Password))
        {
            return Back("invalid", returnUrl);
        }

        var result = await signIn.PasswordSignInAsync(form.Username.Trim(), form.Password, form.RememberMe, lockoutOnFailure: true);
        return result.Succeeded ? Results.LocalRedirect(returnUrl)
            : Back(result switch
            {
                DemoPasswordSignInResult => "demo-password",
                DeactivatedSignInResult => "deactivated",
                { IsLockedOut: true } => "locked",
                _ => "invalid",
            }, returnUrl);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn)
    {
        // No form fields are bound here, so the framework would not check the token by itself.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return ApiProblems.Of(new ProblemException(ProblemKind.Invalid, new ErrorMessage(ErrorCodes.SignOutAntiforgery),
                new Dictionary<string, ErrorMessage[]> { [BadRequestProblem.AntiforgeryField] = [new ErrorMessage(ErrorCodes.SignOutButton)] }));
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    private static IResult Back(string error, string returnUrl) =>
        Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Only same-site paths: "//evil" and "/\evil" are protocol-relative redirects off the site.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public sealed class LoginForm
    {
        public string? Username { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
