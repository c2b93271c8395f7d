using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Api.Problems;
using DirectiveFlow.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace DirectiveFlow.Web.Api.Auth;

/// <summary>Bearer tokens for API clients, and who-am-I for both cookie and bearer callers.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/token", IssueTokenAsync).AllowAnonymous();
        group.MapGet("/me", (ICurrentUser user) => new CurrentUserResponse(
                user.UserId, user.UserName, user.UnitId, user.Language, Roles.All.Where(user.IsInRole).ToList()))
            .RequireAuthorization();
        return group;
    }

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, JwtTokenIssuer issuer)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return ApiProblems.Of(ProblemException.Invalid("username", ErrorCodes.SignInCredentialsRequired));
        }

        var user = await users.FindByNameAsync(request.Username.Trim());
        if (user is null)
        {
            return InvalidCredentials();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return ApiAuthResponses.Result(StatusCodes.Status423Locked, ErrorCodes.SignInLockedOut,
                new ErrorMessage(ErrorCodes.SignInLockedOutFor, LockoutPolicy.MaxFailedAttempts, LockoutPolicy.LockoutMinutes));
        }

        if (result is DeactivatedSignInResult)
        {
            return ApiAuthResponses.Result(StatusCodes.Status403Forbidden, ErrorCodes.AccountDeactivated,
                new ErrorMessage(ErrorCodes.AccountDeactivatedAsk));
        }

        if (result is DemoPasswordSignInResult)
        {
            return ApiAuthResponses.Result(StatusCodes.Status403Forbidden, ErrorCodes.DemoPasswordRefused,
                new ErrorMessage(ErrorCodes.DemoPasswordMustChange));
        }

        if (!result.Succeeded)
        {
            return InvalidCredentials();
        }

        var (token, expiresAt) = await issuer.IssueAsync(user);
        return Results.Ok(new TokenResponse(token, expiresAt));
    }

    private static IResult InvalidCredentials() => ApiAuthResponses.Result(StatusCodes.Status401Unauthorized, ErrorCodes.SignInInvalid);
}
