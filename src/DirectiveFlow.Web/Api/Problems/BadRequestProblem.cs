using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// The 4xx answer to a request the framework could not read — its status, title and the field it concerns with what
/// was wrong — or null for an exception that is not the caller's fault.
/// </summary>
public sealed partial record BadRequestProblem(int Status, string Title, string Field, string Message)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private const string InvalidTitle = "Dữ liệu gửi lên không hợp lệ. / The request could not be read.";

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
        "Biểu mẫu thiếu mã chống giả mạo. / The form's antiforgery token is missing or invalid.", AntiforgeryField,
        "Hãy tải lại trang rồi gửi lại biểu mẫu từ trang DirectiveFlow. / Reload the page and send the form from a DirectiveFlow page.");

    private static BadRequestProblem Binding(BadHttpRequestException error)
    {
        var message = error.Message;
        if (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(error.StatusCode, "Yêu cầu quá lớn. / The request body is too large.", JsonErrorText.Root, message);
        }

        if (error.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new(error.StatusCode, "Kiểu nội dung không được hỗ trợ. / Unsupported content type.", "Content-Type",
                message.Contains("charset", StringComparison.Ordinal) ? message
                : "Gửi JSON với Content-Type: application/json. / Send JSON with Content-Type: application/json.");
        }

        if (message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return new(error.StatusCode, InvalidTitle, JsonErrorText.Root, JsonErrorText.EmptyBody);
        }

        if (BindPattern().Match(message) is { Success: true } bind)
        {
            return Invalid(bind, error.StatusCode);
        }

        if (RequiredPattern().Match(message) is { Success: true } required)
        {
            var body = required.Groups["source"].Value.Contains("body", StringComparison.Ordinal);
            return new(error.StatusCode, InvalidTitle, body ? JsonErrorText.Root : CamelCase(required.Groups["name"].Value), body
                ? JsonErrorText.EmptyBody
                : "Bắt buộc. / Required.");
        }

        return new(error.StatusCode, InvalidTitle, JsonErrorText.Root, "Không đọc được yêu cầu. / The request could not be read: " + Shorten(message));
    }

    /// <summary>A value that does not parse as its parameter's type: the parameter, the value and what was expected.</summary>
    private static BadRequestProblem Invalid(Match match, int status = StatusCodes.Status400BadRequest)
    {
        var (vi, en) = ClrTypeText.Expected(match.Groups["type"].Value);
        var value = Shorten(match.Groups["value"].Value);
        return new(status, InvalidTitle, CamelCase(match.Groups["name"].Value), $"'{value}' không hợp lệ: cần {vi}. / '{value}' is not valid: {en} is expected.");
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
