using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// What a bearer token carries of the account's security stamp: a hash, since a token is readable by whoever holds
/// it, and the stamp itself is a secret of the account.
/// </summary>
public static class SessionStamp
{
    public const string ClaimType = "df_sst";

    public static string Hash(string? securityStamp) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? "")).AsSpan(0, 16));
}
