using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>What an import file says about the communes already in the database, read before anything is written.</summary>
internal static class ExistingCommunes
{
    /// <summary>
    /// A <c>code,name,type</c> file names no province: every commune in it is taken to be the configured one's. A commune
    /// the database has under another province would be moved there with its four pillar units (a Đà Nẵng list imported
    /// on a national deployment would move Đà Nẵng under Hà Nội), so each such line is a problem and nothing is written.
    /// </summary>
    public static List<ImportProblem> InOtherProvince(ParsedLocalityFile file, IReadOnlyDictionary<string, Locality> localities)
    {
        var problems = new List<ImportProblem>();
        if (!file.ProvinceFromSettings)
        {
            return problems;
        }

        var byId = localities.Values.ToDictionary(l => l.Id);
        foreach (var row in file.Rows)
        {
            var expected = localities.GetValueOrDefault(row.ProvinceCode)?.Id;
            if (localities.TryGetValue(row.Code, out var commune) && commune.ParentId is { } parentId && parentId != expected
                && byId.TryGetValue(parentId, out var province))
            {
                problems.Add(new ImportProblem(row.Line, new ErrorMessage(ErrorCodes.ImportCommuneOtherProvince,
                    row.Code, province.Code, province.Name, row.ProvinceCode, row.ProvinceName)));
            }
        }

        return problems;
    }

    /// <summary>
    /// The codes of the communes of the file's provinces that the database has, with at least one active unit, and the
    /// file does not: merged or removed communes, which stay active (and keep receiving cascades) until an
    /// administrator deactivates their units. Reported, never deactivated here.
    /// </summary>
    public static IReadOnlyList<string> NotInFile(
        ParsedLocalityFile file, IReadOnlyDictionary<string, Locality> localities, IReadOnlyDictionary<string, OrgUnit> units)
    {
        var provinces = file.Rows.Select(r => r.ProvinceCode).Distinct()
            .Select(code => localities.GetValueOrDefault(code)?.Id).OfType<Guid>().ToHashSet();
        var listed = file.Rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        return localities.Values
            .Where(l => l.ParentId is { } parent && provinces.Contains(parent) && !listed.Contains(l.Code))
            .Where(l => Enum.GetValues<Pillar>().Any(p => units.GetValueOrDefault(OrgUnit.CodeFor(l.Code, p))?.IsActive == true))
            .Select(l => l.Code)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
