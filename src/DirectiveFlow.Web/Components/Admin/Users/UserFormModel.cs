using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Identity.Users;

namespace DirectiveFlow.Web.Components.Admin.Users;

/// <summary>
/// The create/edit form as the browser posts it: one check box per role (a posted list of equal names would not bind),
/// the unit as the text of its option ("" for none).
/// </summary>
public sealed class UserFormModel
{
    public string? UserName { get; set; }

    public string? FullName { get; set; }

    public string? Position { get; set; }

    public string? Email { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Language { get; set; } = "vi";

    public string? UnitId { get; set; }

    public string? Password { get; set; }

    public bool Administrator { get; set; }

    public bool Issuer { get; set; }

    public bool UnitOfficer { get; set; }

    public bool UnitHead { get; set; }

    public bool Observer { get; set; }

    public static UserFormModel From(UserDto user) => new()
    {
        UserName = user.UserName,
        FullName = user.FullName,
        Position = user.Position,
        Email = user.Email,
        PhoneNumber = user.PhoneNumber,
        Language = user.Language,
        UnitId = user.UnitId?.ToString(),
        Administrator = user.Roles.Contains(Roles.Administrator),
        Issuer = user.Roles.Contains(Roles.Issuer),
        UnitOfficer = user.Roles.Contains(Roles.UnitOfficer),
        UnitHead = user.Roles.Contains(Roles.UnitHead),
        Observer = user.Roles.Contains(Roles.Observer),
    };

    public bool Has(string role) => role switch
    {
        Roles.Administrator => Administrator,
        Roles.Issuer => Issuer,
        Roles.UnitOfficer => UnitOfficer,
        Roles.UnitHead => UnitHead,
        _ => Observer,
    };

    public UserInput ToInput() => new(
        FullName, Position, Email, PhoneNumber, Language, Guid.TryParse(UnitId, out var unit) ? unit : null, Roles.All.Where(Has).ToList());
}
