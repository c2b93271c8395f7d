using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Persistence;

public static class SharedKeysExtensions
{
    /// <summary>
    /// The name every node protects under. Without it the discriminator is the content root's path, so two nodes
    /// installed in different folders could not read each other's cookies even with the same keys.
    /// </summary>
    public const string ApplicationName = "DirectiveFlow";

    /// <summary>
    /// Data-protection keys (the ones under the sign-in cookie and the antiforgery tokens) in the product's database,
    /// table <c>DataProtectionKeys</c>, so a cookie issued by one node is accepted by every node on that database. On
    /// every provider, SQLite too: one node loses nothing and its users stay signed in across a container rebuild.
    /// Beside the context so that the host registers it without naming the context (Web never touches it).
    /// </summary>
    public static IDataProtectionBuilder AddDirectiveFlowSharedKeys(this IServiceCollection services) =>
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<DirectiveFlowDbContext>();
}
