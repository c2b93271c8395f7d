using System.Net.Mail;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>The field rules of a person's account, checked before anything is read or written (400 with every field's error).</summary>
public static partial class UserInputRules
{
    public const int UserNameLength = 64;
    public const int FullNameLength = 200;
    public const int PositionLength = 200;

    public static readonly IReadOnlyList<string> Languages = ["vi", "en"];

    public static void CheckUserName(string? userName, string allowedCharacters, FieldErrors errors)
    {
        if (TextRules.Line(userName, UserNameLength) is { } bad)
        {
            errors.Report("userName", bad);
        }
        else if (userName!.Trim().Any(c => !allowedCharacters.Contains(c)))
        {
            errors.Add("userName", ErrorCodes.UserNameCharacters);
        }
    }

    /// <summary>Checks <paramref name="input"/>; answers its roles, trimmed and without repeats.</summary>
    public static List<string> Check(UserInput input, FieldErrors errors)
    {
        errors.Report("fullName", TextRules.Line(input.FullName, FullNameLength));
        errors.Report("position", TextRules.Line(input.Position, PositionLength, required: false));
        if (TextRules.Line(input.Email, InputLimits.EmailLength) is { } badEmail)
        {
            errors.Report("email", badEmail);
        }
        else if (!IsEmail(input.Email!.Trim()))
        {
            errors.Add("email", ErrorCodes.EmailInvalid);
        }

        if (!string.IsNullOrWhiteSpace(input.PhoneNumber) && !PhonePattern().IsMatch(input.PhoneNumber.Trim()))
        {
            errors.Add("phoneNumber", ErrorCodes.PhoneInvalid);
        }

        if (input.Language is { } language && !Languages.Contains(language))
        {
            errors.Add("language", ErrorCodes.LanguageInvalid);
        }

        var roles = (input.Roles ?? []).Select(r => r?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors.Add("roles", ErrorCodes.RolesRequired);
        }
        else if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            errors.Add("roles", ErrorCodes.RoleUnknown, unknown);
        }
        else if (input.UnitId is null && roles.Any(r => r is Roles.UnitOfficer or Roles.UnitHead))
        {
            errors.Add("unitId", ErrorCodes.UnitRequiredForRole);
        }

        return roles;
    }

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^\+?[0-9 .()\-]{3,20}$")]
    private static partial Regex PhonePattern();
}
