using System.Text.RegularExpressions;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>What a caller should have sent, from the CLR type name in a binding or JSON error ("System.Nullable`1[System.Guid]" → a GUID).</summary>
public static partial class ClrTypeText
{
    public static (string Vi, string En) Expected(string typeName)
    {
        var name = NullablePattern().Match(typeName) is { Success: true } nullable ? nullable.Groups[1].Value : typeName.TrimEnd('?');
        if (name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("`1[", StringComparison.Ordinal))
        {
            return ("một mảng [ … ]", "an array [ … ]");
        }

        var simple = name[(name.LastIndexOf('.') + 1)..];
        return simple switch
        {
            "Guid" => ("một GUID, ví dụ 0196f3c1-5b8e-7c2a-9d4e-1f2a3b4c5d6e", "a GUID such as 0196f3c1-5b8e-7c2a-9d4e-1f2a3b4c5d6e"),
            "Int16" or "Int32" or "Int64" or "int" or "long" or "short" => ("một số nguyên trong giới hạn", "a whole number within range"),
            "Double" or "Single" or "Decimal" or "double" or "decimal" => ("một số", "a number"),
            "Boolean" or "bool" => ("true hoặc false", "true or false"),
            "DateTimeOffset" or "DateTime" or "DateOnly" or "TimeOnly" => ("ngày giờ ISO 8601, ví dụ 2026-03-31", "an ISO 8601 date such as 2026-03-31"),
            "String" or "string" => ("một chuỗi (kể cả giá trị liệt kê như \"Urgent\", không phải số)", "a string (an enumeration too, such as \"Urgent\", not a number)"),
            _ when EnumNames(name) is { } names => ($"một trong: {names}", $"one of: {names}"),
            _ => ("một đối tượng JSON { … }", "a JSON object { … }"),
        };
    }

    private static string? EnumNames(string fullName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.FullName?.StartsWith("DirectiveFlow", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(fullName, throwOnError: false))
            .FirstOrDefault(t => t is not null);
        return type is { IsEnum: true } ? string.Join(", ", Enum.GetNames(type)) : null;
    }

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullablePattern();
}
