using System.Reflection;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Workflows.Queries;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace DirectiveFlow.Web.Tests.Architecture;

/// <summary>
/// Web reads and writes through the application layer's queries and commands, never through the DbContext or EF —
/// with no exception: even the database's health check is registered through the application layer
/// (<c>AddDirectiveFlowDatabaseCheck</c>), so the composition root does not name the context either.
/// </summary>
public sealed class WebLayerTests
{
    private static readonly string[] DbContextOrEf = ["DirectiveFlow.Infrastructure.Persistence.DirectiveFlowDbContext", "Microsoft.EntityFrameworkCore"];

    [Fact]
    public void No_web_type_touches_the_DbContext_or_EF()
    {
        Assert.Empty(TypesTouchingTheDbContext(typeof(Program).Assembly));
    }

    [Fact]
    public void The_rule_sees_a_type_that_touches_the_DbContext()
    {
        // Guards the test above against passing vacuously (a renamed context, a rule that matches nothing).
        Assert.Contains(typeof(ListDefinitionVersionsHandler).FullName, TypesTouchingTheDbContext(typeof(ListDefinitionVersionsHandler).Assembly));
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

    [Fact]
    public void No_web_type_acts_as_the_system_caller()
    {
        // Caller.System skips every permission check; only seeding, tests and benchmarks may use it.
        using var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        var systemCaller = typeof(Caller).GetProperty(nameof(Caller.System))!.GetMethod!;
        var users = module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody && m.Body.Instructions.Any(i => i.OpCode.FlowControl == FlowControl.Call
                && i.Operand is MethodReference called && called.Name == systemCaller.Name && called.DeclaringType.FullName == typeof(Caller).FullName))
            .Select(m => m.DeclaringType.FullName)
            .ToList();

        Assert.Empty(users);
    }

    private static List<string> TypesTouchingTheDbContext(Assembly assembly)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(DbContextOrEf).GetResult();
        return (result.FailingTypes ?? []).Select(t => OuterType(t.FullName)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Compiler-made types (lambdas, async state machines) count as the type that wrote them.</summary>
    private static string OuterType(string name) => name.Split('/', '+')[0].Split('<')[0];
}
