namespace DirectiveFlow.Web.Security;

/// <summary>Names of the authentication schemes the host registers.</summary>
public static class AuthSchemes
{
    /// <summary>Forwards to bearer when the request carries an Authorization header, else to the Identity cookie.</summary>
    public const string CookieOrBearer = "CookieOrBearer";
}
