using System.Globalization;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Directives.Commands;

namespace DirectiveFlow.Web.Api.Directives;

/// <summary>
/// The body of <c>POST /api/directives</c>; priority is "Normal" (thường), "Urgent" (khẩn) or "Immediate" (hỏa tốc);
/// documentType (optional) is "Resolution", "Conclusion", "Directive", "Plan", "OfficialLetter", "ConclusionNotice" or "Decision";
/// issuedOn and deadline (optional) are dates "yyyy-MM-dd", the deadline meaning 17:00 Hà Nội time of that day.
/// </summary>
public sealed record IssueDirectiveRequest(
    string? Number, string? Title, string? Body, string? Priority, Guid IssuingUnitId, string? WorkflowDefinitionId, JsonObject? Inputs,
    string? DocumentType = null, string? IssuedOn = null, SignerRequest? Signer = null, string? Summary = null, string? Deadline = null)
{
    /// <summary>Per narrowable cascade id, the units it reaches: <c>{"unitCodes": […]}</c> or <c>{"localityCodes": […]}</c>.</summary>
    public IReadOnlyDictionary<string, TargetChoice>? Targets { get; init; }

    /// <summary>The document's parts; a date not in the form yyyy-MM-dd is refused under its field.</summary>
    public DirectiveDocument Document()
    {
        var errors = new FieldErrors();
        var document = new DirectiveDocument(Date(IssuedOn, "issuedOn", errors), Signer?.Name, Signer?.Position, Summary, Date(Deadline, "deadline", errors));
        errors.ThrowIfAny();
        return document;
    }

    private static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, ErrorCodes.DateFormat, text);
        return null;
    }
}

/// <summary>Who signed the document: name and position (e.g. "Bí thư Thành ủy").</summary>
public sealed record SignerRequest(string? Name, string? Position);
