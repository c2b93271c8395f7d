namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// An email to put in the outbox: either a template with its model (rendered at dispatch, in the recipient's
/// language) or ready-made text (<see cref="Subject"/>, <see cref="TextBody"/>, optional <see cref="HtmlBody"/>).
/// </summary>
public sealed record OutboxEmail(string DedupeKey, IReadOnlyCollection<string> To)
{
    public string? Template { get; init; }

    public object? Model { get; init; }

    public string? Subject { get; init; }

    public string? TextBody { get; init; }

    public string? HtmlBody { get; init; }

    public Guid? TaskId { get; init; }

    public Guid? DirectiveId { get; init; }

    public static OutboxEmail FromTemplate(string dedupeKey, IReadOnlyCollection<string> to, string template, object model) =>
        new(dedupeKey, to) { Template = template, Model = model };
}
