namespace DirectiveFlow.Web.Components.Directives;

/// <summary>
/// Reads codes typed or uploaded by an issuer, keeping each code's line: pasted text takes every code (one per line, or
/// separated by commas, semicolons or tabs); a CSV file takes the first cell of each line and skips a header line.
/// </summary>
public static class TargetCodeText
{
    private static readonly char[] Separators = [',', ';', '\t'];

    public static List<(int Line, string Code)> Parse(string? text, bool firstCellOnly = false)
    {
        var result = new List<(int, string)>();
        var lines = (text ?? "").TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(Separators).Select(c => c.Trim().Trim('"').Trim()).ToList();
            if (firstCellOnly)
            {
                cells = cells.Take(1).ToList();
                if (i == 0 && cells.Count == 1 && !cells[0].Any(char.IsDigit))
                {
                    continue; // a header such as "ma" or "code"
                }
            }

            result.AddRange(cells.Where(c => c.Length > 0).Select(c => (i + 1, c)));
        }

        return result;
    }
}
