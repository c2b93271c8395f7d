namespace DirectiveFlow.Infrastructure.Tasks.Queries;

public sealed record DirectiveOption(Guid Id, string Number, string Title);
