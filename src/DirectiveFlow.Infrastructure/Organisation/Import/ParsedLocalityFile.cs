namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>The rows of an import file, or everything wrong with it (then <see cref="Rows"/> must not be used).</summary>
public sealed record ParsedLocalityFile(IReadOnlyList<LocalityRow> Rows, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
