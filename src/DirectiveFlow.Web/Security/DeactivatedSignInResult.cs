using Microsoft.AspNetCore.Identity;

namespace DirectiveFlow.Web.Security;

/// <summary>The password was right, but the account is deactivated (the API answers
/// <see cref="Core.Common.Errors.ErrorCodes.AccountDeactivated"/>, the pages the UI key <c>Login.Deactivated</c>).</summary>
public sealed class DeactivatedSignInResult : SignInResult
{
    public static readonly DeactivatedSignInResult Instance = new();

    private DeactivatedSignInResult() => IsNotAllowed = true;
}
