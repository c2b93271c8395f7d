namespace DirectiveFlow.Web.Api.Auth;

public sealed record CurrentUserResponse(Guid? Id, string UserName, Guid? UnitId, string Language, IReadOnlyList<string> Roles);
