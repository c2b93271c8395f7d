using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// The "ReverseProxy" section: which proxies may tell the host the client's address and scheme
/// (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>). Loopback is always trusted; the headers from anyone else are ignored.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies in front of the host, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to believe (entries of X-Forwarded-For read from the right).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}
