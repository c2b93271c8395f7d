namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>A unit a person's account may be placed in, as the users screen offers it.</summary>
public sealed record UnitChoice(Guid Id, string Code, string Name);
