namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>The issued directive and its instance, or every field error that stopped it (nothing written then).</summary>
public sealed record IssueDirectiveResult(Guid Id, Guid InstanceId, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Errors is null;

    public static IssueDirectiveResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(Guid.Empty, Guid.Empty, errors);
}
