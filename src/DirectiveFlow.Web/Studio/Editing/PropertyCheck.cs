using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Studio.Editing;

/// <summary>Runs one of the engine's own property readers so an editor can show its complaint beside the field, in the user's language.</summary>
public static class PropertyCheck
{
    public static string? Error(Func<object?> read)
    {
        try
        {
            _ = read();
            return null;
        }
        catch (ActivityPropertiesException e)
        {
            return e.Problem.Text(UiText.IsEnglish);
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
