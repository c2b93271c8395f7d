using System.Buffers.Text;
using System.Security.Cryptography;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// The policy sent with every response. Scripts only from this origin, plus the one inline script Blazor renders (the
/// import map) by a per-request nonce; styles from this origin and inline, because Blazor, the studio's diagram and
/// the pages set <c>style</c> attributes (positions, widths); the studio's circuit is a same-origin WebSocket
/// (<c>connect-src 'self'</c>); no framing, no plug-ins, forms post only here.
/// </summary>
public static class ContentSecurityPolicy
{
    private const string NonceItem = "DirectiveFlow.CspNonce";

    /// <summary>This request's nonce, for a <c>nonce</c> attribute on an inline script.</summary>
    public static string NonceOf(HttpContext context)
    {
        if (context.Items[NonceItem] is not string nonce)
        {
            // base64url: nothing an HTML encoder would turn into an entity ('+' would be).
            nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
        }

        return nonce;
    }

    public static string For(HttpContext context) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{NonceOf(context)}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self'; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";
}
