using System.Text.Json;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Common.Errors;
using Microsoft.AspNetCore.Antiforgery;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// The 4xx answer to a request the framework could not read — its status, title and the field it concerns with what
/// was wrong, as codes worded in the reader's language when written — or null for an exception that is not the
/// caller's fault.
/// </summary>
public sealed partial record BadRequestProblem(int Status, ErrorMessage Title, string Field, ErrorMessage Message)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private static readonly ErrorMessage InvalidTitle = new(ErrorCodes.RequestUnreadable);

    /// <summary>Puts <paramref name="message"/> on an exception thrown to the handler, which words it instead of the exception's English text.</summary>
    public static TException Carrying<TException>(TException exception, ErrorMessage message)
        where TException : Exception
    {
        exception.Data[typeof(ErrorMessage)] = message;
        return exception;
    }

    public static BadRequestProblem? From(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } bad => Json(bad.StatusCode, json),
        BadHttpRequestException { InnerException: AntiforgeryValidationException } => Antiforgery(),
        BadHttpRequestException bad when bad.Message.Contains("antiforgery", StringComparison.OrdinalIgnoreCase)
            || bad.Message.Contains("anti-forgery", StringComparison.OrdinalIgnoreCase) => Antiforgery(),
        BadHttpRequestException bad => Binding(bad),
        JsonException json => Json(StatusCodes.Status400BadRequest, json),
        AntiforgeryValidationException => Antiforgery(),
        InvalidOperationException page when page.Source == "Microsoft.AspNetCore.Components"
            && PageQueryPattern().Match(page.Message) is { Success: true } query => Invalid(query),
        _ => null,
    };

    private static BadRequestProblem Json(int status, JsonException error)
    {
        var (field, message) = JsonErrorText.Describe(error);
        return new(status, InvalidTitle, field, message);
    }

    private static BadRequestProblem Antiforgery() => new(StatusCodes.Status400BadRequest,
        new ErrorMessage(ErrorCodes.AntiforgeryMissing), AntiforgeryField, new ErrorMessage(ErrorCodes.AntiforgeryReload));

    private static BadRequestProblem Binding(BadHttpRequestException error)
    {
        var message = error.Message;
        var carried = error.Data[typeof(ErrorMessage)] as ErrorMessage;
        if (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(error.StatusCode, new ErrorMessage(ErrorCodes.BodyTooLarge), JsonErrorText.Root,
                carried ?? new ErrorMessage(ErrorCodes.RequestNotRead, Shorten(message)));
        }

        if (error.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new(error.StatusCode, new ErrorMessage(ErrorCodes.UnsupportedContentType), "Content-Type", carried ?? new ErrorMessage(ErrorCodes.SendJson));
        }

        if (message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return new(error.StatusCode, InvalidTitle, JsonErrorText.Root, new ErrorMessage(ErrorCodes.EmptyBody));
        }

        if (BindPattern().Match(message) is { Success: true } bind)
        {
            return Invalid(bind, error.StatusCode);
        }

        if (RequiredPattern().Match(message) is { Success: true } required)
        {
            var body = required.Groups["source"].Value.Contains("body", StringComparison.Ordinal);
            return new(error.StatusCode, InvalidTitle, body ? JsonErrorText.Root : CamelCase(required.Groups["name"].Value), body
                ? new ErrorMessage(ErrorCodes.EmptyBody)
                : new ErrorMessage(ErrorCodes.Required));
        }

        return new(error.StatusCode, InvalidTitle, JsonErrorText.Root, new ErrorMessage(ErrorCodes.RequestNotRead, Shorten(message)));
    }

    /// <summary>A value that does not parse as its parameter's type: the parameter, the value and what was expected.</summary>
    private static BadRequestProblem Invalid(Match match, int status = StatusCodes.Status400BadRequest)
    {
        var expected = ClrTypeText.Expected(match.Groups["type"].Value);
        var value = Shorten(match.Groups["value"].Value);
        return new(status, InvalidTitle, CamelCase(match.Groups["name"].Value), new ErrorMessage(ErrorCodes.ValueNotValid, value, expected));
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    // Failed to bind parameter "int? Page" from "99999999999".
    [GeneratedRegex("""Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.?$""", RegexOptions.Singleline)]
    private static partial Regex BindPattern();

    // A page's [SupplyParameterFromQuery]: Cannot parse the value 'abc' as type 'System.Nullable`1[System.Int32]' for 'page'.
    [GeneratedRegex("""Cannot parse the value '(?<value>.*)' as type '(?<type>[^']+)' for '(?<name>[^']+)'""", RegexOptions.Singleline)]
    private static partial Regex PageQueryPattern();

    // Required parameter "IssueDirectiveRequest body" was not provided from body.
    [GeneratedRegex("""Required parameter "(?<type>\S+) (?<name>[^"]+)" was not provided from (?<source>[^.]+)""")]
    private static partial Regex RequiredPattern();
}
