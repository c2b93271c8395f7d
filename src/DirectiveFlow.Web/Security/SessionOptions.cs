using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Web.Security;

/// <summary>The "Sessions" section: how long a node trusts what it last read of an account's security stamp.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>
    /// A change made on this node (logout, password, lockout) counts at once; one made on another node within this
    /// many seconds.
    /// </summary>
    [Range(0, 3_600)]
    public int StampCacheSeconds { get; set; } = 30;
}
