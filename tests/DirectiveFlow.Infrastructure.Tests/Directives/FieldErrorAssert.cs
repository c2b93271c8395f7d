using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Infrastructure.Tests.Directives;

/// <summary>Asserts a refusal's one message under a field: its code and arguments.</summary>
public static class FieldErrorAssert
{
    public static void Single(ProblemException problem, string field, string code, params object[] args)
    {
        Assert.True(problem.Errors.TryGetValue(field, out var messages), $"no error under {field}: {string.Join(", ", problem.Errors.Keys)}");
        var message = Assert.Single(messages);
        Assert.Equal(code, message.Code);
        Assert.Equal(args, message.Args);
    }
}
