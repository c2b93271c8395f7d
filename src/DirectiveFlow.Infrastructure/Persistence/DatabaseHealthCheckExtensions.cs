using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Persistence;

public static class DatabaseHealthCheckExtensions
{
    /// <summary>
    /// Adds the check that the database answers, named <paramref name="name"/>. It lives beside the context so that the
    /// host registers it without naming the context (Web never touches it).
    /// </summary>
    public static IHealthChecksBuilder AddDirectiveFlowDatabaseCheck(this IHealthChecksBuilder builder, string name) =>
        builder.AddDbContextCheck<DirectiveFlowDbContext>(name);
}
