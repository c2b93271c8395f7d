using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Configuration;

/// <summary>The "App" section: what the product is to the outside world.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The public address officials open, where every email link starts (e.g. <c>https://directiveflow.hanoi.gov.vn</c>).
    /// Optional on a developer's machine (links then follow where the host listens); required in Production.
    /// </summary>
    [Url]
    public string? BaseUrl
    {
        get => _baseUrl;
        // An empty setting (e.g. App__BaseUrl= in an environment file) means "not set", not a bad address.
        set => _baseUrl = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private string? _baseUrl;
}
