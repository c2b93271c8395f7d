using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>Runs a command that may be refused: null when it succeeded, else the problem it was refused with.</summary>
internal static class Problems
{
    public static async Task<ProblemException?> TryAsync(Task work)
    {
        try
        {
            await work;
            return null;
        }
        catch (ProblemException e)
        {
            return e;
        }
    }
}
