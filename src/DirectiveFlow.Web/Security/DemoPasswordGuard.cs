using DirectiveFlow.Infrastructure.Demo;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// In Production the demo password is public knowledge, not a secret: an account still holding it (a database seeded
/// in demo mode) must not sign in until an administrator sets a new password.
/// </summary>
public sealed class DemoPasswordGuard(IHostEnvironment environment, IOptions<DemoOptions> demo)
{
    public bool Active => environment.IsProduction();

    /// <summary>The configured demo password, and the built-in one (a database may have been seeded with either).</summary>
    public IReadOnlyList<string> DemoPasswords =>
        new[] { demo.Value.Password, DemoOptions.DefaultPassword }.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether a sign-in that proved <paramref name="password"/> correct must still be refused.</summary>
    public bool Refuses(string password) => Active && DemoPasswords.Contains(password, StringComparer.Ordinal);
}
