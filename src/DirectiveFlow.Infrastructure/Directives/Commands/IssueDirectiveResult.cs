namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>
/// The issued directive and its instance, or every field error that stopped it, or <see cref="Forbidden"/> when the
/// caller may not issue for the unit (nothing written then).
/// </summary>
public sealed record IssueDirectiveResult(Guid Id, Guid InstanceId, IReadOnlyDictionary<string, string[]>? Errors = null, bool Forbidden = false)
{
    public static IssueDirectiveResult Refused { get; } = new(Guid.Empty, Guid.Empty, Forbidden: true);

    public bool Succeeded => Errors is null && !Forbidden;

    public static IssueDirectiveResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(Guid.Empty, Guid.Empty, errors);
}
