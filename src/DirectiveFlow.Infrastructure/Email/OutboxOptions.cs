using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>The "Outbox" section: dispatch batches, retry backoff and dead-lettering.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(1, 10_000)]

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a message becomes a dead letter (administrators can retry it).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long; each further one twice as long, up to <see cref="MaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long (real time) a claimed message is hidden from other dispatchers: a dead node's batch goes out this long
    /// after it claimed it (plus at most one dispatch interval). A live batch renews it while sending, whenever a
    /// quarter of it has passed, so no single send (MailKit times out after 15 seconds) can outlast it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The product's public address, for links in emails: <c>App:BaseUrl</c>, else where the host listens
    /// (<see cref="Links.PublicAddress"/>).
    /// </summary>
    [Required, Url]
    public string BaseUrl { get; set; } = Links.PublicAddress.KestrelDefault;

    /// <summary>Whether <see cref="BaseUrl"/> was set by configuration (else it follows the host's listening address).</summary>
    public bool BaseUrlConfigured { get; internal set; }

    public TimeSpan DelayAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }
}
