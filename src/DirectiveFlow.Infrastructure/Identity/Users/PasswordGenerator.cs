using System.Security.Cryptography;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// One-time passwords for new accounts and resets: 16 characters from a cryptographic source, with at least one of
/// each class Identity's default rules ask for, and no look-alikes (0/O, 1/l/I) to misread when handing them over.
/// </summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "@#$%&*+-=?";
    private const int Length = 16;

    public static string Generate()
    {
        var all = Upper + Lower + Digits + Symbols;
        var chars = new List<char>
        {
            Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols),
        };
        while (chars.Count < Length)
        {
            chars.Add(Pick(all));
        }

        var shuffled = chars.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new string(shuffled);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
