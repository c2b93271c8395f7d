namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>
/// The rows of an import file, or everything wrong with it (then <see cref="Rows"/> must not be used).
/// <see cref="ProvinceFromSettings"/>: the file has the <c>code,name,type</c> layout, its province taken from configuration.
/// </summary>
public sealed record ParsedLocalityFile(IReadOnlyList<LocalityRow> Rows, IReadOnlyList<ImportProblem> Problems, bool ProvinceFromSettings = false)
{
    public bool IsValid => Problems.Count == 0;
}
