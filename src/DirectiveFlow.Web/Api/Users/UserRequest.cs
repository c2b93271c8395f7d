using DirectiveFlow.Infrastructure.Identity.Users;

namespace DirectiveFlow.Web.Api.Users;

/// <summary>
/// The body of <c>POST /api/users</c> and <c>PUT /api/users/{id}</c>. userName and password are read on creation only
/// (a user name is fixed once created; without a password one is generated and answered once). language is "vi" or
/// "en"; roles among Administrator, Issuer, UnitOfficer, UnitHead, Observer.
/// </summary>
public sealed record UserRequest(
    string? UserName, string? FullName, string? Position, string? Email, string? PhoneNumber, string? Language, Guid? UnitId,
    IReadOnlyList<string>? Roles, string? Password)
{
    public UserInput Input() => new(FullName, Position, Email, PhoneNumber, Language, UnitId, Roles);
}
