using System.Reflection;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// What a caller should have sent, from the CLR type named in a binding or JSON error ("System.Nullable`1[System.Guid]"
/// → a GUID). A record read through its constructor is named instead of the field's type, so the field's type is
/// then found by walking the error's path through the record (<c>days[0].kind</c> → CalendarDayKind).
/// </summary>
public static partial class ClrTypeText
{
    public static ErrorMessage Expected(string typeName, string? path = null)
    {
        var type = Resolve(typeName);
        if (type is not null && path is not null && Walk(type, path) is { } field)
        {
            return Expected(field);
        }

        return type is not null ? Expected(type) : ByName(typeName);
    }

    private static ErrorMessage Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var names = string.Join(", ", Enum.GetNames(type));
            return new ErrorMessage(ErrorCodes.ExpectEnum, names);
        }

        return type != typeof(string) && ElementOf(type) is not null ? new ErrorMessage(ErrorCodes.ExpectArray) : ByName(type.Name);
    }

    private static ErrorMessage ByName(string typeName)
    {
        var name = NullablePattern().Match(typeName) is { Success: true } nullable ? nullable.Groups[1].Value : typeName.TrimEnd('?');
        if (name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("`1[", StringComparison.Ordinal))
        {
            return new ErrorMessage(ErrorCodes.ExpectArray);
        }

        return new ErrorMessage(name[(name.LastIndexOf('.') + 1)..] switch
        {
            "Guid" => ErrorCodes.ExpectGuid,
            "Int16" or "Int32" or "Int64" or "int" or "long" or "short" => ErrorCodes.ExpectInteger,
            "Double" or "Single" or "Decimal" or "double" or "decimal" => ErrorCodes.ExpectNumber,
            "Boolean" or "bool" => ErrorCodes.ExpectBoolean,
            "DateTimeOffset" or "DateTime" or "DateOnly" or "TimeOnly" => ErrorCodes.ExpectDate,
            "String" or "string" => ErrorCodes.ExpectString,
            _ => ErrorCodes.ExpectObject,
        });
    }

    private static Type? Resolve(string typeName)
    {
        var name = NullablePattern().Match(typeName) is { Success: true } nullable ? nullable.Groups[1].Value : typeName;
        return Type.GetType(name, throwOnError: false) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.FullName?.StartsWith("DirectiveFlow", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(name.Replace('+', '.'), throwOnError: false) ?? a.GetType(name, throwOnError: false))
            .FirstOrDefault(t => t is not null);
    }

    /// <summary>
    /// The type at <paramref name="path"/> (<c>days[0].kind</c>) inside <paramref name="root"/>, or null. The root may be
    /// the innermost record rather than the body's (CalendarYearDay for <c>days[0].kind</c>), so shorter tails of the
    /// path are tried too.
    /// </summary>
    private static Type? Walk(Type root, string path)
    {
        var steps = StepPattern().Matches(path).ToList();
        for (var start = 0; start < steps.Count; start++)
        {
            if (WalkFrom(root, steps.Skip(start)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static Type? WalkFrom(Type root, IEnumerable<Match> steps)
    {
        Type? current = root;
        foreach (var step in steps)
        {
            current = step.Groups["index"].Success
                ? ElementOf(current!)
                : current!.GetProperty(step.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (current is null)
            {
                return null;
            }
        }

        return current == root ? null : current;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    [GeneratedRegex(@"^System\.Nullable`1\[\[?([^,\]]+).*\]$")]
    private static partial Regex NullablePattern();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]")]
    private static partial Regex StepPattern();
}
