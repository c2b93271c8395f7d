using System.Net.Mail;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>The field rules of a unit edit: names, codes, heads and contacts within their columns, e-mail addresses that are addresses.</summary>
internal static class SubUnitRules
{
    /// <summary>The field errors of <paramref name="request"/>; on update (<paramref name="creating"/> false) null fields are left alone.</summary>
    public static FieldErrors Validate(SubUnitRequest request, bool creating)
    {
        var errors = new FieldErrors();
        if (creating || request.Name is not null)
        {
            errors.Report("name", TextRules.Line(request.Name, InputLimits.NameLength));
        }

        if (request.Code is { } code && !string.IsNullOrWhiteSpace(code))
        {
            errors.Report("code", code.Trim().Length > InputLimits.CodeLength || !code.Trim().All(IsCodeCharacter)
                ? new ErrorMessage(ErrorCodes.UnitCode, InputLimits.CodeLength)
                : null);
        }

        errors.Report("headName", TextRules.Line(request.HeadName, InputLimits.HeadNameLength, required: false));
        if (!string.IsNullOrWhiteSpace(request.HeadEmail) && (request.HeadEmail.Length > InputLimits.EmailLength || !IsEmail(request.HeadEmail)))
        {
            errors.Add("headEmail", ErrorCodes.NotAnEmail, request.HeadEmail);
        }

        var bad = SplitEmails(request.ContactEmails).Where(e => !IsEmail(e)).ToList();
        if (bad.Count > 0)
        {
            errors.Add("contactEmails", ErrorCodes.NotEmails, string.Join(", ", bad));
        }
        else if (request.ContactEmails is { Length: > InputLimits.ContactEmailsLength })
        {
            errors.Add("contactEmails", ErrorCodes.TooLong, InputLimits.ContactEmailsLength, request.ContactEmails.Length);
        }

        return errors;
    }

    public static List<string> SplitEmails(string? emails) =>
        (emails ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool IsCodeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && value.Contains('@', StringComparison.Ordinal);
}
