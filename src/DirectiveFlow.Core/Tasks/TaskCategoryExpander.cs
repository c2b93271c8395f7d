using System.Linq.Expressions;

namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// Rewrites the marker calls of <see cref="TaskCategories"/> (<c>t.Is(category, time)</c>, <c>t.IsDueSoon(time)</c>, …)
/// into their query rules, the rule's parameters replaced by the call's arguments. A category must not depend on the
/// row (it is evaluated once); the time arguments stay as written, so a captured variable becomes a SQL parameter.
/// </summary>
internal sealed class TaskCategoryExpander : ExpressionVisitor
{
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(TaskCategories) || node.Arguments.Count == 0 || node.Arguments[0].Type != typeof(UnitTask))
        {
            return base.VisitMethodCall(node);
        }

        var arguments = node.Arguments.Select(Visit).ToList();
        TaskCategory? category = null;
        if (node.Method.Name == nameof(TaskCategories.Is))
        {
            category = Evaluate<TaskCategory>(arguments[1]!);
            arguments.RemoveAt(1);
        }

        var rule = TaskCategories.RuleOf(node.Method.Name, category)
            ?? throw new NotSupportedException($"TaskCategories.{node.Method.Name} has no query rule.");
        var body = rule.Body;
        for (var i = 0; i < rule.Parameters.Count; i++)
        {
            body = new Replacer(rule.Parameters[i], arguments[i]!).Visit(body)!;
        }

        return body;
    }

    private static T Evaluate<T>(Expression expression) =>
        expression is ConstantExpression { Value: T constant }
            ? constant
            : Expression.Lambda<Func<T>>(Expression.Convert(expression, typeof(T))).Compile(preferInterpretation: true)();

    /// <summary>Replaces one expression (a parameter) by another.</summary>
    internal sealed class Replacer(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
