using DirectiveFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;

namespace DirectiveFlow.Infrastructure.Email.Links;

/// <summary>
/// The product's public address, the start of every link in an email. <c>App:BaseUrl</c> sets it (the older
/// <c>Outbox:BaseUrl</c> is still read). When neither is set — a developer's machine — links use the address the host
/// listens on: the <c>urls</c> setting (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, the launch profile) at start, and the
/// server's actual address once it listens. Production refuses to start without it.
/// </summary>
public static class PublicAddress
{
    public const string Setting = $"{AppOptions.Section}:{nameof(AppOptions.BaseUrl)}";

    /// <summary>Kestrel's own default when nothing says where to listen.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    /// <summary>The configured public address, or null when none is set.</summary>
    public static string? Configured(IConfiguration configuration) =>
        NonEmpty(configuration[Setting]) ?? NonEmpty(configuration[$"{OutboxOptions.Section}:{nameof(OutboxOptions.BaseUrl)}"]);

    /// <summary>The configured address, else where the host is set to listen.</summary>
    public static string Resolve(IConfiguration configuration) =>
        Trim(Configured(configuration) ?? FromListening((configuration["urls"] ?? "").Split(';')) ?? KestrelDefault);

    /// <summary>
    /// A browsable address from the addresses a server listens on: http before https is not preferred — the first
    /// one given wins — and a wildcard host (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) becomes localhost.
    /// Null when there is none.
    /// </summary>
    public static string? FromListening(IEnumerable<string> addresses)
    {
        foreach (var address in addresses.Select(a => a.Trim()).Where(a => a.Length > 0))
        {
            var browsable = address.Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(browsable, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return Trim(uri.GetLeftPart(UriPartial.Authority));
            }
        }

        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Trim(string url) => url.TrimEnd('/');
}
