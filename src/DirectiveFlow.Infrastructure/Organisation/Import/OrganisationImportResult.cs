namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>
/// Either the problems that stopped an import (nothing was written), or what it did. <see cref="Communes"/> counts
/// the file's rows (a commune counts as updated when it or any of its four pillar units changed). <see cref="NotInFile"/>:
/// the codes of the active communes of the file's provinces that the file leaves out (merged or removed; still active).
/// </summary>
public sealed record OrganisationImportResult(
    IReadOnlyList<ImportProblem> Problems,
    ImportCounts Communes,
    ImportCounts Provinces,
    ImportCounts Units,
    int AccountsCreated,
    IReadOnlyList<string> NotInFile)
{
    public bool Succeeded => Problems.Count == 0;

    public static OrganisationImportResult Failed(IReadOnlyList<ImportProblem> problems) =>
        new(problems, ImportCounts.None, ImportCounts.None, ImportCounts.None, 0, []);
}
