namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>
/// Either the problems that stopped an import (nothing was written), or what it did. <see cref="Communes"/> counts
/// the file's rows (a commune counts as updated when it or any of its four pillar units changed).
/// </summary>
public sealed record OrganisationImportResult(
    IReadOnlyList<ImportProblem> Problems,
    ImportCounts Communes,
    ImportCounts Provinces,
    ImportCounts Units,
    int AccountsCreated)
{
    public bool Succeeded => Problems.Count == 0;

    public static OrganisationImportResult Failed(IReadOnlyList<ImportProblem> problems) =>
        new(problems, ImportCounts.None, ImportCounts.None, ImportCounts.None, 0);
}
