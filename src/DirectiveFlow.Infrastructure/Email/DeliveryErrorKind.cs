namespace DirectiveFlow.Infrastructure.Email;

/// <summary>What kind of failure an outbox row's last error tells of (<see cref="DeliveryErrors.KindOf"/>).</summary>
public enum DeliveryErrorKind
{
    /// <summary>The mail server could not be reached, or the connection broke.</summary>
    ConnectionFailed = 1,

    /// <summary>The mail server refused the sign-in.</summary>
    AuthenticationFailed = 2,

    /// <summary>The mail server refused one or more recipients.</summary>
    RecipientRefused = 3,

    /// <summary>The mail server refused the message (its sender, size or content).</summary>
    MessageRefused = 4,

    /// <summary>The email's template could not be rendered.</summary>
    RenderingFailed = 5,

    /// <summary>The email has no recipient address (its unit has none) or an invalid one.</summary>
    AddressingFailed = 6,

    /// <summary>Any other failure: only its own text tells.</summary>
    Other = 7,
}
