namespace DirectiveFlow.Web.Components.Inbox;

public sealed record DirectiveOption(Guid Id, string Number, string Title);
