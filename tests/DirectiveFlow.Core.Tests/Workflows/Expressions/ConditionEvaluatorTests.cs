using System.Diagnostics;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Tests.Workflows.Expressions;

public sealed class ConditionEvaluatorTests
{
    private static readonly ConditionContext Context = new(
        new JsonObject { ["priority"] = "Urgent", ["deadlineDays"] = 7 },
        new ConditionDirective("15-KL/TU", "Kết luận số 15", "Normal"),
        new ConditionUnit("00070-PARTY", "Đảng ủy phường Hoàn Kiếm", "PARTY", "commune"),
        new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    private readonly ConditionEvaluator _evaluator = new();

    [Theory]
    [InlineData("inputs.priority === 'Urgent'", true)]
    [InlineData("inputs.deadlineDays > 10", false)]
    [InlineData("directive.number.endsWith('/TU') && unit.pillar === 'PARTY'", true)]
    [InlineData("unit.name.includes('Hoàn Kiếm')", true)]
    [InlineData("now.startsWith('2026-03-02')", true)]
    public void Condition_sees_inputs_directive_unit_and_now(string condition, bool expected)
    {
        var result = _evaluator.Evaluate(condition, Context);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Infinite_loop_is_stopped_within_the_time_limit()
    {
        var watch = Stopwatch.StartNew();

        var result = _evaluator.Evaluate("while (true) {}", Context);

        Assert.False(result.IsSuccess);
        Assert.True(result.IsLimitExceeded);
        // A guard against a hang, not a speed target: an unbounded loop would never return at all.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Busy_loop_with_statements_hits_the_statement_limit()
    {
        // A generous timeout so that on a loaded machine only the limit under test can stop the script.
        var evaluator = new ConditionEvaluator(ConditionLimits.Default with { Timeout = TimeSpan.FromSeconds(30) });

        var result = evaluator.Evaluate("let i = 0; for (;;) { i++; }", Context);

        Assert.Equal(ConditionErrorKind.StatementLimit, result.ErrorKind);
        Assert.Contains("10000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Slow_loop_under_the_statement_limit_hits_the_timeout()
    {
        var evaluator = new ConditionEvaluator(ConditionLimits.Default with { MaxStatements = int.MaxValue });

        var result = evaluator.Evaluate("while (true) {}", Context);

        Assert.Equal(ConditionErrorKind.Timeout, result.ErrorKind);
    }

    [Fact]
    public void Deep_recursion_hits_the_recursion_limit()
    {
        var evaluator = new ConditionEvaluator(ConditionLimits.Default with { Timeout = TimeSpan.FromSeconds(30) });

        var result = evaluator.Evaluate("function f(n) { return f(n + 1); } f(0)", Context);

        Assert.Equal(ConditionErrorKind.RecursionLimit, result.ErrorKind);
    }

    [Fact]
    public void Large_allocation_hits_the_memory_limit()
    {
        var evaluator = new ConditionEvaluator(ConditionLimits.Default with { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromSeconds(5) });

        var result = evaluator.Evaluate("const a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }", Context);

        Assert.Equal(ConditionErrorKind.MemoryLimit, result.ErrorKind);
    }

    [Theory]
    [InlineData("System.IO.File.Exists('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("eval('1 + 1') === 2")]
    public void Condition_cannot_reach_the_CLR_or_eval(string condition)
    {
        var result = _evaluator.Evaluate(condition, Context);

        // Sandbox, not Runtime: such a condition fails for every directive, so validation refuses it (issue 14 §4).
        Assert.Equal(ConditionErrorKind.Sandbox, result.ErrorKind);
        Assert.True(result.CanNeverRun);
    }

    [Fact]
    public void Strict_mode_refuses_undeclared_assignment()
    {
        var result = _evaluator.Evaluate("leaked = 1; true", Context);

        Assert.Equal(ConditionErrorKind.Sandbox, result.ErrorKind);
    }

    [Fact]
    public void Reading_a_property_of_a_missing_input_is_a_runtime_error_that_may_pass_on_another_directive()
    {
        var result = _evaluator.Evaluate("inputs.missing.level > 2", Context);

        Assert.Equal(ConditionErrorKind.Runtime, result.ErrorKind);
        Assert.False(result.CanNeverRun);
    }

    [Fact]
    public void Non_boolean_result_is_an_error()
    {
        var result = _evaluator.Evaluate("inputs.priority", Context);

        Assert.Equal(ConditionErrorKind.NotBoolean, result.ErrorKind);
        Assert.Contains("true hoặc false", result.Problem!.Text(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_is_reported_not_thrown()
    {
        Assert.NotNull(ConditionEvaluator.CheckSyntax("inputs.priority ==="));
        Assert.Null(ConditionEvaluator.CheckSyntax("inputs.priority === 'Urgent'"));
        Assert.Equal(ConditionErrorKind.Syntax, _evaluator.Evaluate("if (", Context).ErrorKind);
    }

    [Fact]
    public void Top_level_condition_sees_a_null_unit()
    {
        var result = _evaluator.Evaluate("unit === null", Context with { Unit = null });

        Assert.True(result.Value);
    }
}
