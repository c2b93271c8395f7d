using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// Recognises a sign-in request and reads who it is for, before the rate limiter decides: the limiter's partition is
/// chosen synchronously, and the user name is in the body (a form, or the token endpoint's JSON).
/// </summary>
public static class SignInAttempt
{
    private const string UserNameItem = "DirectiveFlow.SignInUserName";
    private const long MaxJsonBytes = 64 * 1024;

    private static readonly string[] Paths = ["/login", "/account/login", "/api/auth/token"];

    public static bool Is(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && Paths.Any(p => string.Equals(request.Path.Value?.TrimEnd('/'), p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The normalised user name read by <see cref="ReadUserNameAsync"/>, or null.</summary>
    public static string? UserNameOf(HttpContext context) => context.Items[UserNameItem] as string;

    /// <summary>The client's address, IPv6 by /64 (one host usually holds the whole prefix).</summary>
    public static string AddressOf(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPAddress([.. address.GetAddressBytes()[..8], 0, 0, 0, 0, 0, 0, 0, 0]) + "/64"
            : address.ToString();
    }

    public static async Task ReadUserNameAsync(HttpContext context)
    {
        var name = await ReadAsync(context.Request, context.RequestAborted);
        if (!string.IsNullOrWhiteSpace(name))
        {
            context.Items[UserNameItem] = name.Trim().ToUpperInvariant();
        }
    }

    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.HasFormContentType)
            {
                // Cached by the request: the endpoint reads the same form again (and fails the same way if it is bad).
                var form = await request.ReadFormAsync(cancellationToken);
                return new[] { form["Input.UserName"].ToString(), form["username"].ToString() }.FirstOrDefault(n => n.Length > 0);
            }

            return request.HasJsonContentType() && request.ContentLength is null or <= MaxJsonBytes
                ? await ReadJsonUserNameAsync(request, cancellationToken)
                : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or JsonException
            or InvalidOperationException or System.Text.DecoderFallbackException)
        {
            // Unreadable (bad multipart, bad UTF-8, a lone surrogate in the name…): the endpoint answers it; the attempt
            // still counts against the address.
            return null;
        }
    }

    private static async Task<string?> ReadJsonUserNameAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            // Bound as the endpoint binds it: property names case-insensitive.
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "username", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
            }

            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
