namespace DirectiveFlow.Web.Security;

/// <summary>
/// Where the safety checks hold: every environment but a developer's machine (Development, as <c>dotnet run</c> and
/// docker-compose start it) and the tests (Testing). A host named "Staging", "Demo" or anything else is as reachable
/// as Production, so it gets no built-in signing key, no published demo password and no dev API.
/// </summary>
public static class DeployedEnvironment
{
    /// <summary>The tests' environment (the test hosts' default; appsettings.Testing.json).</summary>
    public const string Testing = "Testing";

    public static bool IsDeployed(this IHostEnvironment environment) =>
        !environment.IsDevelopment() && !environment.IsEnvironment(Testing);
}
