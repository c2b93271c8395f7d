using DirectiveFlow.Infrastructure.Identity;

namespace DirectiveFlow.TestSupport.Tasks;

/// <summary>TEST-ONLY: a fixed caller, with an optional hook run when its roles are first read.</summary>
public sealed class TestCurrentUser(string userName, Guid? unitId, params string[] roles) : ICurrentUser
{
    public bool IsAuthenticated => true;

    public Guid? UserId { get; } = Guid.NewGuid();

    public string UserName => userName;

    public Guid? UnitId => unitId;

    public string Language => "vi";

    /// <summary>Runs on every role check; a test uses it to hold two requests at the same point.</summary>
    public Action? OnRoleCheck { get; set; }

    public bool IsInRole(string role)
    {
        OnRoleCheck?.Invoke();
        return roles.Contains(role);
    }
}
