using System.Net.Mail;
using DirectiveFlow.Core.Common;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>The field rules of a unit edit: names, codes, heads and contacts within their columns, e-mail addresses that are addresses.</summary>
internal static class SubUnitRules
{
    /// <summary>The field errors of <paramref name="request"/>; on update (<paramref name="creating"/> false) null fields are left alone.</summary>
    public static Dictionary<string, string[]> Validate(SubUnitRequest request, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (creating || request.Name is not null)
        {
            TextRules.Report(errors, "name", TextRules.Line(request.Name, InputLimits.NameLength));
        }

        if (request.Code is { } code && !string.IsNullOrWhiteSpace(code))
        {
            TextRules.Report(errors, "code", code.Trim().Length > InputLimits.CodeLength || !code.Trim().All(IsCodeCharacter)
                ? $"Mã gồm chữ, số, '-', '_' hoặc '.', tối đa {InputLimits.CodeLength} ký tự. / Letters, digits, '-', '_' or '.', at most {InputLimits.CodeLength} characters."
                : null);
        }

        TextRules.Report(errors, "headName", TextRules.Line(request.HeadName, InputLimits.HeadNameLength, required: false));
        if (!string.IsNullOrWhiteSpace(request.HeadEmail) && (request.HeadEmail.Length > InputLimits.EmailLength || !IsEmail(request.HeadEmail)))
        {
            errors["headEmail"] = [$"'{request.HeadEmail}' không phải địa chỉ email (not an email address)."];
        }

        var bad = SplitEmails(request.ContactEmails).Where(e => !IsEmail(e)).ToList();
        if (bad.Count > 0)
        {
            errors["contactEmails"] = [$"Không phải địa chỉ email (not email addresses): {string.Join(", ", bad)}."];
        }
        else if (request.ContactEmails is { Length: > InputLimits.ContactEmailsLength })
        {
            errors["contactEmails"] = [$"Tối đa {InputLimits.ContactEmailsLength} ký tự. / At most {InputLimits.ContactEmailsLength} characters."];
        }

        return errors;
    }

    public static List<string> SplitEmails(string? emails) =>
        (emails ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool IsCodeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && value.Contains('@', StringComparison.Ordinal);
}
