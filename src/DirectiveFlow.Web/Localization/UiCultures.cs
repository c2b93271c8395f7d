using System.Globalization;
using System.Security.Claims;
using DirectiveFlow.Infrastructure.Identity;
using Microsoft.AspNetCore.Localization;

namespace DirectiveFlow.Web.Localization;

/// <summary>Vietnamese by default, English on request: the culture cookie first, then the signed-in user's preference.</summary>
public static class UiCultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    public static readonly CultureInfo[] Supported = [new(Vietnamese), new(English)];

    /// <summary>Maps "vi"/"en" (or a full culture name) to a supported culture name, Vietnamese when unknown.</summary>
    public static string Normalize(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
        };

        // The browser's Accept-Language is ignored on purpose: officials get Vietnamese unless they choose otherwise.
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(context => Task.FromResult(FromUser(context.User))),
        ];
        return options;
    }

    public static string CookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    private static ProviderCultureResult? FromUser(ClaimsPrincipal user) =>
        user.FindFirst(DirectiveFlowClaims.Language)?.Value is { Length: > 0 } lang
            ? new ProviderCultureResult(Normalize(lang))
            : null;
}
