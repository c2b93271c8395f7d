using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>When the escalations held for a leader go out as one digest.</summary>
public enum EscalationDigestWindow
{
    /// <summary>Once a working day, at the first dispatch from <see cref="EscalationDigestOptions.At"/> (Hà Nội time).</summary>
    Daily = 1,

    /// <summary>At the end of every dispatch cycle that held something.</summary>
    Sweep = 2,
}

/// <summary>
/// The "Email:EscalationDigest" section: escalations to a superior unit's head or to the issuing leadership (unless the
/// flow step marks them immediate) are gathered into one email per recipient per window.
/// </summary>
public sealed class EscalationDigestOptions
{
    public const string Section = "Email:EscalationDigest";

    [EnumDataType(typeof(EscalationDigestWindow))]
    public EscalationDigestWindow Window { get; set; } = EscalationDigestWindow.Daily;

    /// <summary>The local time (Asia/Ho_Chi_Minh) of the daily window, on working days.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan At { get; set; } = new(7, 30, 0);
}
