using System.Text;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>
/// Reads and validates a whole commune list before anything is written. Two layouts are accepted:
/// <c>code,name,type</c> (one province's communes, the province taken from configuration) and
/// <c>province_code,province_name,code,name,type</c> (the national list). Every problem is reported with its line.
/// </summary>
public static class LocalityCsvParser
{
    private static readonly string[] ProvinceLayout = ["code", "name", "type"];
    private static readonly string[] NationalLayout = ["province_code", "province_name", "code", "name", "type"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ParsedLocalityFile Parse(ReadOnlySpan<byte> content, string defaultProvinceCode, string defaultProvinceName)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<LocalityRow>();
        var lines = SplitLines(content, problems);
        if (lines.Count == 0)
        {
            problems.Add(new ImportProblem(1, new ErrorMessage(ErrorCodes.ImportEmpty)));
        }

        if (lines.Count == 0 || lines[0].Text is null)
        {
            return new ParsedLocalityFile(rows, problems);
        }

        var header = CsvLine.Split(lines[0].Text!).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var national = header.SequenceEqual(NationalLayout);
        if (!national && !header.SequenceEqual(ProvinceLayout))
        {
            problems.Add(new ImportProblem(1, new ErrorMessage(ErrorCodes.ImportColumns,
                string.Join(',', header), string.Join(',', ProvinceLayout), string.Join(',', NationalLayout))));
            return new ParsedLocalityFile(rows, problems);
        }

        var firstLineOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var provinceNames = new Dictionary<string, (string Name, int Line)>(StringComparer.Ordinal);
        foreach (var (number, text) in lines.Skip(1))
        {
            if (text is null || string.IsNullOrWhiteSpace(text))
            {
                continue; // undecodable lines were reported by SplitLines; blank lines carry nothing
            }

            var fields = CsvLine.Split(text).Select(f => f.Trim()).ToArray();
            if (fields.Length != header.Length)
            {
                problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportColumnCount, header.Length, fields.Length)));
                continue;
            }

            var offset = national ? 2 : 0;
            var provinceCode = national ? fields[0] : defaultProvinceCode;
            var provinceName = national ? fields[1] : defaultProvinceName;
            var before = problems.Count;
            if (national)
            {
                CheckProvince(number, provinceCode, provinceName, provinceNames, problems);
            }

            var code = fields[offset];
            var name = fields[offset + 1];
            var type = ParseType(fields[offset + 2]);
            if (code.Length != 5 || !code.All(char.IsAsciiDigit))
            {
                problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportCommuneCode, code)));
            }
            else if (firstLineOfCode.TryGetValue(code, out var first))
            {
                problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportDuplicateCode, code, first)));
            }
            else
            {
                firstLineOfCode[code] = number;
            }

            if (name.Length == 0)
            {
                problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportNameEmpty)));
            }
            else if (TextRules.Line(name, InputLimits.LocalityNameLength) is { } badName)
            {
                problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportName, badName)));
            }

            if (type is null)
            {
                problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportType, fields[offset + 2])));
            }

            if (problems.Count == before)
            {
                rows.Add(new LocalityRow(number, provinceCode, provinceName, code, name, type!.Value));
            }
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new ImportProblem(1, new ErrorMessage(ErrorCodes.ImportNoRows)));
        }

        return new ParsedLocalityFile(rows, problems, ProvinceFromSettings: !national);
    }

    private static void CheckProvince(
        int number, string code, string name, Dictionary<string, (string Name, int Line)> seen, List<ImportProblem> problems)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiDigit))
        {
            problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportProvinceCode, code)));
        }
        else if (name.Length == 0)
        {
            problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportProvinceNameEmpty)));
        }
        else if (TextRules.Line(name, InputLimits.LocalityNameLength) is { } badName)
        {
            problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportProvinceName, badName)));
        }
        else if (!seen.TryGetValue(code, out var known))
        {
            seen[code] = (name, number);
        }
        else if (known.Name != name)
        {
            problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportProvinceRenamed, code, name, known.Name, known.Line)));
        }
    }

    private static LocalityType? ParseType(string value) => value.ToLowerInvariant() switch
    {
        "phuong" or "phường" or "ward" => LocalityType.Ward,
        "xa" or "xã" or "commune" => LocalityType.Commune,
        "dac_khu" or "đặc khu" or "special_zone" => LocalityType.SpecialZone,
        _ => null,
    };

    /// <summary>Decodes line by line so a bad byte sequence is reported on its own line; text is null there.</summary>
    private static List<(int Number, string? Text)> SplitLines(ReadOnlySpan<byte> content, List<ImportProblem> problems)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var lines = new List<(int, string?)>();
        var number = 0;
        while (!content.IsEmpty)
        {
            number++;
            var end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            content = end < 0 ? [] : content[(end + 1)..];
            if (line.EndsWith((ReadOnlySpan<byte>)[(byte)'\r']))
            {
                line = line[..^1];
            }

            try
            {
                lines.Add((number, StrictUtf8.GetString(line)));
            }
            catch (DecoderFallbackException)
            {
                problems.Add(new ImportProblem(number, new ErrorMessage(ErrorCodes.ImportNotUtf8)));
                lines.Add((number, null));
            }
        }

        return lines;
    }
}
