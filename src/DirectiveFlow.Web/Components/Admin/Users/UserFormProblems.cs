using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Web.Components.Shared;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Components.Admin.Users;

/// <summary>Puts a refusal of the users' commands on the form: field errors beside their fields, anything else (403, 404, 409) above it.</summary>
public static class UserFormProblems
{
    public static void Show(ProblemException problem, FormErrors errors, UiText text)
    {
        var english = UiText.IsEnglish;
        if (problem.Errors.Count == 0)
        {
            errors.Add(FormErrors.Form, text["Users.Refused"] + " " + problem.Problem.Text(english));
            return;
        }

        foreach (var (field, messages) in problem.Errors)
        {
            errors.Add(field, string.Join(" ", messages.Select(m => m.Text(english))));
        }
    }
}
