using System.Globalization;

namespace DirectiveFlow.Core.Common.Errors;

/// <summary>Looks an <see cref="ErrorMessage"/>'s code up in the catalogue of the reader's language and fills its placeholders.</summary>
public static class ErrorText
{
    public static string Format(ErrorMessage message, bool english)
    {
        var catalogue = english ? ErrorMessagesEn.All : ErrorMessagesVi.All;
        if (!catalogue.TryGetValue(message.Code, out var template))
        {
            return message.Code;
        }

        var args = message.Args.Select(a => a switch { ErrorMessage inner => inner.Text(english), WordedValue worded => worded.For(english), _ => a }).ToArray();
        return args.Length == 0 ? template : string.Format(english ? English : Vietnamese, template, args);
    }

    // Numbers as the reader writes them: 1.048.576 in Vietnamese, 1,048,576 in English.
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
}
