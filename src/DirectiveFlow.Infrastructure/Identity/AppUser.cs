using Microsoft.AspNetCore.Identity;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>A person who signs in; belongs to exactly one organisation unit (none for administrators and observers).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? UnitId { get; set; }

    public string FullName { get; set; } = "";

    /// <summary>"vi" (default) or "en"; chooses UI and email language.</summary>
    public string PreferredLanguage { get; set; } = "vi";

    /// <summary>The person's position in the unit, e.g. "Chuyên viên" or "Chủ tịch UBND phường"; empty for unit accounts.</summary>
    public string Position { get; set; } = "";

    /// <summary>False once an administrator or the unit's head deactivates the account: it can no longer sign in or be assigned.</summary>
    public bool IsActive { get; set; } = true;
}
