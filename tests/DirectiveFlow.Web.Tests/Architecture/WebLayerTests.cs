using NetArchTest.Rules;

namespace DirectiveFlow.Web.Tests.Architecture;

/// <summary>Web reads and writes through the application layer's queries and commands, never through the DbContext or EF.</summary>
public sealed class WebLayerTests
{
    /// <summary>
    /// Registration that cannot avoid naming the context: the health check of the database
    /// (<c>AddDbContextCheck&lt;DirectiveFlowDbContext&gt;</c>). The others still reach the context from a scope and are
    /// listed to be moved behind queries (README, "Use cases and infrastructure"); a new type may not join them.
    /// </summary>
    private static readonly string[] Allowed =
    [
        "DirectiveFlow.Web.Health.HealthServiceCollectionExtensions",
        "DirectiveFlow.Web.Health.MailDeliveryHealthCheck",
        "DirectiveFlow.Web.Security.SessionValidator",
        "DirectiveFlow.Web.Security.DemoPasswordAudit",
        "DirectiveFlow.Web.Studio.StudioDefinitions",
        "DirectiveFlow.Web.Components.Overview.OverviewChoices",
    ];

    [Fact]
    public void No_web_type_but_the_listed_ones_touches_the_DbContext_or_EF()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .ShouldNot().HaveDependencyOnAny("DirectiveFlow.Infrastructure.Persistence.DirectiveFlowDbContext", "Microsoft.EntityFrameworkCore")
            .GetResult();

        var offenders = (result.FailingTypes ?? []).Select(t => t.FullName).Select(OuterType).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Empty(offenders.Except(Allowed));
        Assert.Contains("DirectiveFlow.Web.Health.HealthServiceCollectionExtensions", offenders);
    }

    [Fact]
    public void The_six_pages_helpers_of_issue_15_no_longer_touch_the_DbContext()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().HaveNameMatching("^(InstanceFlowQuery|StudioOrganisation|CurrentUnitNames|NewDirective|Inbox|DirectivesApi|SubCascadeApi|ReportsApi)$")
            .ShouldNot().HaveDependencyOnAny("DirectiveFlow.Infrastructure.Persistence", "Microsoft.EntityFrameworkCore")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName)));
    }

    /// <summary>Compiler-made types (lambdas, async state machines) count as the type that wrote them.</summary>
    private static string OuterType(string name) => name.Split('/', '+')[0].Split('<')[0];
}
