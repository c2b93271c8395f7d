using Microsoft.AspNetCore.Identity;

namespace DirectiveFlow.Web.Security;

/// <summary>The password was right, but it is the public demo password: not allowed in Production (the API answers
/// <see cref="Core.Common.Errors.ErrorCodes.DemoPasswordRefused"/>, the pages the UI key <c>Login.DemoPasswordRefused</c>).</summary>
public sealed class DemoPasswordSignInResult : SignInResult
{
    public static readonly DemoPasswordSignInResult Instance = new();

    private DemoPasswordSignInResult() => IsNotAllowed = true;
}
