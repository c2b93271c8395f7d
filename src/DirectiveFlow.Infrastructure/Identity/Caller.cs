using System.Security.Claims;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>
/// On whose behalf a command runs: a signed-in person (<see cref="Of"/>), whose rights the handler checks, or the
/// application itself (<see cref="System"/>: seeding, tests, benchmarks), which skips them. Commands take one without a
/// default, so a forgotten caller is a compile error rather than a silent pass; Web never acts as
/// <see cref="System"/> (<c>WebLayerTests</c>).
/// </summary>
public sealed class Caller
{
    private Caller(ClaimsPrincipal? principal) => Principal = principal;

    /// <summary>The application acting on its own account; no permission is checked.</summary>
    public static Caller System { get; } = new(null);

    /// <summary>The person behind the request or component, whose rights the handler checks.</summary>
    public static Caller Of(ClaimsPrincipal principal) => new(principal ?? throw new ArgumentNullException(nameof(principal)));

    /// <summary>The person; null only for <see cref="System"/>.</summary>
    public ClaimsPrincipal? Principal { get; }

    /// <summary>Who the journal names: the person's user name, or <see cref="PersonNames.SystemActor"/>.</summary>
    public string ActorName => Principal?.Identity?.Name ?? PersonNames.SystemActor;
}
