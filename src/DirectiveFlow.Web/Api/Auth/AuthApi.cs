using DirectiveFlow.Infrastructure.Identity;
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
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["username"] = ["Cần tên đăng nhập và mật khẩu (username and password are required)."],
            });
        }

        var user = await users.FindByNameAsync(request.Username.Trim());
        if (user is null)
        {
            return InvalidCredentials();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status423Locked,
                title: "Tài khoản tạm khóa (account locked out)",
                detail: $"Đăng nhập sai quá {LockoutPolicy.MaxFailedAttempts} lần; thử lại sau "
                    + $"{LockoutPolicy.LockoutMinutes} phút. Too many failed sign-ins; try again later.");
        }

        if (result is DemoPasswordSignInResult)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: DemoPasswordSignInResult.TitleText, detail: DemoPasswordSignInResult.DetailText);
        }

        if (!result.Succeeded)
        {
            return InvalidCredentials();
        }

        var (token, expiresAt) = await issuer.IssueAsync(user);
        return Results.Ok(new TokenResponse(token, expiresAt));
    }

    private static IResult InvalidCredentials() => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Sai tên đăng nhập hoặc mật khẩu (invalid username or password)");
}
