using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>The check of the administration commands (units, calendar, outbox): only an administrator, or the application itself.</summary>
public static class AdministratorRule
{
    /// <summary>Throws a 403 <see cref="ProblemException"/> unless <paramref name="caller"/> is an administrator or <see cref="Caller.System"/>.</summary>
    public static void Demand(Caller caller)
    {
        if (caller.Principal is { } person && !person.IsInRole(Roles.Administrator))
        {
            throw ProblemException.Forbidden(ErrorCodes.AdministratorOnly);
        }
    }
}
