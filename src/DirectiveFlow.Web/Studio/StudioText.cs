using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Studio;

/// <summary>The studio's words: Vietnamese first, English when the user chose it.</summary>
public static class StudioText
{
    public static string L(string vi, string en) => UiText.IsEnglish ? en : vi;
}
