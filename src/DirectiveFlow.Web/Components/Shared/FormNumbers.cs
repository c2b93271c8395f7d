using System.Globalization;

namespace DirectiveFlow.Web.Components.Shared;

/// <summary>Numbers typed into forms, read as text so a typo becomes an error next to the field, not a failed binding.</summary>
public static class FormNumbers
{
    public static int? Percent(string? text, FormErrors errors, string field)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100)
        {
            return value;
        }

        errors.Add(field, "Error.Percent");
        return null;
    }

    /// <summary>A positive whole number, or null when the field was left empty.</summary>
    public static int? OptionalPositive(string? text, FormErrors errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        errors.Add(field, "Error.PositiveDays");
        return null;
    }
}
