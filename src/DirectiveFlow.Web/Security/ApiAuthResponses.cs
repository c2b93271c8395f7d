using Microsoft.AspNetCore.Mvc;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// API callers get 401/403 ProblemDetails, never the UI's redirect to /login: a script cannot follow a login page.
/// </summary>
public static class ApiAuthResponses
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static Task WriteUnauthorizedAsync(HttpContext context) => WriteAsync(
        context, StatusCodes.Status401Unauthorized, "Chưa đăng nhập (authentication required)",
        "Gửi mã truy cập (Authorization: Bearer …) lấy từ POST /api/auth/token, hoặc đăng nhập. Send a bearer token from POST /api/auth/token, or sign in.");

    public static Task WriteForbiddenAsync(HttpContext context) => WriteAsync(
        context, StatusCodes.Status403Forbidden, "Không có quyền (forbidden)",
        "Tài khoản của bạn không có vai trò cần thiết cho thao tác này. Your account lacks the role this action requires.");

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
