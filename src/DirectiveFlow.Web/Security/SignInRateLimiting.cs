using System.Globalization;
using System.Threading.RateLimiting;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// ASP.NET Core's rate limiter on sign-in: a fixed window per client address chained with one per user name (known or
/// not, so the answer says nothing about which names exist). Over either budget: 429 ProblemDetails with Retry-After.
/// Every other request passes through a no-op partition.
/// </summary>
public static class SignInRateLimiting
{
    public static IServiceCollection AddSignInRateLimiter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limiter(limits.Value, limits.Value.SignInPerAddress, c => "address:" + SignInAttempt.AddressOf(c)),
                Limiter(limits.Value, limits.Value.SignInPerUserName, c => SignInAttempt.UserNameOf(c) is { } name ? "name:" + name : null));
            o.OnRejected = (context, _) => RejectAsync(context, limits.Value);
        });
        return services;
    }

    /// <summary>Reads the user name of sign-in requests, then applies the limits; call before authentication.</summary>
    public static IApplicationBuilder UseSignInRateLimiter(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (SignInAttempt.Is(context.Request))
            {
                await SignInAttempt.ReadUserNameAsync(context);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static PartitionedRateLimiter<HttpContext> Limiter(RateLimitOptions limits, int permits, Func<HttpContext, string?> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            SignInAttempt.Is(context.Request) && key(context) is { } partition
                ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, permits),
                    Window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitOptions limits)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : limits.WindowSeconds;
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
        await ApiAuthResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ErrorCodes.TooManySignIns,
            new ErrorMessage(ErrorCodes.RetryInSeconds, seconds));
    }
}
