namespace DirectiveFlow.Infrastructure.Email;

/// <summary>An email ready to send: subject, both bodies and an optional deadline as iCalendar.</summary>
public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody, string? IcsContent, string? IcsFileName);
