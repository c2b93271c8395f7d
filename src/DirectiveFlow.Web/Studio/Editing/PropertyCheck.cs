using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Web.Studio.Editing;

/// <summary>Runs one of the engine's own property readers so an editor can show its complaint beside the field.</summary>
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
            return e.Message;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
