namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>Who is calling: resolved from the cookie or bearer token of the current request.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    string UserName { get; }

    /// <summary>The unit the user belongs to (claim <see cref="DirectiveFlowClaims.UnitId"/>).</summary>
    Guid? UnitId { get; }

    /// <summary>"vi" or "en".</summary>
    string Language { get; }

    bool IsInRole(string role);
}
