using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Web.Components.Shared;

namespace DirectiveFlow.Web.Components.Admin;

/// <summary>The admin screens' forms: a refused command's reasons, each next to its field or above the form.</summary>
public static class AdminForm
{
    /// <summary>Runs <paramref name="command"/>; answers whether it succeeded, with its refusal in <paramref name="errors"/> otherwise.</summary>
    public static async Task<bool> TryAsync(FormErrors errors, Func<Task> command)
    {
        try
        {
            await command();
            return true;
        }
        catch (ProblemException problem)
        {
            errors.Add(problem);
            return false;
        }
    }
}
