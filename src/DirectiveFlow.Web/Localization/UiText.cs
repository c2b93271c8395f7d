using System.Globalization;

namespace DirectiveFlow.Web.Localization;

/// <summary>
/// The UI's strings, one dictionary per language (<see cref="ViText"/>, <see cref="EnText"/>), picked by the request's
/// UI culture. A key missing from a dictionary shows as the key itself so a gap is visible, never a blank.
/// </summary>
public sealed class UiText
{
    public string this[string key] => Lookup(key);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static IReadOnlyDictionary<string, string> Current => IsEnglish ? EnText.All : ViText.All;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Lookup(key), args);

    /// <summary>The label of an enum value, keyed "TypeName.Value" (e.g. "UnitTaskStatus.Assigned").</summary>
    public string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Lookup($"{typeof(TEnum).Name}.{value}");

    private static string Lookup(string key) => Current.TryGetValue(key, out var text) ? text : key;
}
