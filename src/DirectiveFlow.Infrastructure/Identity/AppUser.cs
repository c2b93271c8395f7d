using Microsoft.AspNetCore.Identity;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>A person who signs in; belongs to exactly one organisation unit (none for administrators and observers).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? UnitId { get; set; }

    public string FullName { get; set; } = "";

    /// <summary>"vi" (default) or "en"; chooses UI and email language.</summary>
    public string PreferredLanguage { get; set; } = "vi";
}
