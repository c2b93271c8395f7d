using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace DirectiveFlow.Web.Localization;

/// <summary>
/// The language a refusal is worded in: API calls (<c>/api/…</c>) follow <c>Accept-Language</c> — Vietnamese unless
/// English is preferred —; pages keep the reader's choice (culture cookie, then profile; see <c>UiCultures</c>), read
/// from the request's culture feature, which outlives the localization middleware when an exception is handled; a
/// request refused before that middleware ran (a body over its size limit) reads the culture cookie itself.
/// </summary>
public static class ProblemLanguage
{
    public static bool IsEnglish(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? PrefersEnglish(context.Request.Headers.AcceptLanguage)
            : context.Features.Get<IRequestCultureFeature>() is { } feature
                ? feature.RequestCulture.UICulture.TwoLetterISOLanguageName == "en"
                : CookieRequestCultureProvider.ParseCookieValue(context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] ?? "")
                    ?.UICultures.FirstOrDefault().Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>True when the first supported language by quality (vi or en) is English; a header that does not parse counts as none.</summary>
    public static bool PrefersEnglish(IList<string>? acceptLanguage)
    {
        if (acceptLanguage is null || !StringWithQualityHeaderValue.TryParseList(acceptLanguage, out var languages))
        {
            return false;
        }

        var first = languages
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("vi", StringComparison.OrdinalIgnoreCase));
        return first?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }
}
