using DirectiveFlow.Infrastructure.Demo;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// Outside Development and Testing (<see cref="DeployedEnvironment"/>) the published demo password is public knowledge,
/// not a secret: an account still holding it (a database seeded in demo mode) must not sign in until an administrator
/// sets a new password. Production, which runs no demo at all, refuses the configured demo password too.
/// </summary>
public sealed class DemoPasswordGuard(IHostEnvironment environment, IOptions<DemoOptions> demo)
{
    public bool Active => environment.IsDeployed();

    /// <summary>The passwords refused at sign-in here: none in Development and Testing, the published one elsewhere, every demo password in Production.</summary>
    public IReadOnlyList<string> RefusedPasswords =>
        !Active ? [] : environment.IsProduction() ? DemoPasswords : [DemoOptions.DefaultPassword];

    /// <summary>The configured demo password, and the built-in one (a database may have been seeded with either).</summary>
    public IReadOnlyList<string> DemoPasswords =>
        new[] { demo.Value.Password, DemoOptions.DefaultPassword }.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether a sign-in that proved <paramref name="password"/> correct must still be refused.</summary>
    public bool Refuses(string password) => RefusedPasswords.Contains(password, StringComparer.Ordinal);
}
