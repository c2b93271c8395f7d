using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Workflows;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveFlow.Web.Api.Workflows;

/// <summary>Turns store results into HTTP answers: 400 with every validation error, 404, 409 saying what is allowed.</summary>
internal static class WorkflowResults
{
    public static IResult From(DefinitionStoreResult result, Func<DefinitionStoreResult, IResult> success) => result.Status switch
    {
        DefinitionStoreStatus.Invalid => Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Định nghĩa quy trình không hợp lệ, chưa lưu gì (the workflow definition is invalid; nothing was saved)",
            Detail = $"{result.Errors!.Count} lỗi (errors), each with its code, activity and path.",
            Extensions = { ["errors"] = result.Errors },
        }),
        DefinitionStoreStatus.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound,
            title: "Không tìm thấy quy trình (workflow definition not found)", detail: result.Message),
        DefinitionStoreStatus.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "Xung đột trạng thái (conflict)", detail: result.Message),
        _ => success(result),
    };

    public static IResult NotFound(string definitionId, int? version) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Không tìm thấy quy trình (workflow definition not found)",
        detail: version is null ? $"Workflow definition '{definitionId}' does not exist." : $"Workflow definition '{definitionId}' has no version {version}.");

    /// <summary>Reads an <c>If-Match</c> concurrency stamp (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>); null when absent or <c>*</c>.</summary>
    public static bool TryReadStamp(HttpRequest request, out int? stamp)
    {
        stamp = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return true;
        }

        var raw = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (int.TryParse(raw.Trim('"'), out var value))
        {
            stamp = value;
            return true;
        }

        return false;
    }

    public static IResult BadIfMatch() => Results.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "Tiêu đề If-Match không hợp lệ (invalid If-Match header)",
        detail: "If-Match must hold the concurrencyStamp returned by GET, e.g. If-Match: \"3\".");

    /// <summary>200 with the version, its concurrency stamp as the ETag.</summary>
    public static IResult OkWithETag(HttpResponse response, WorkflowDefinitionRecord record)
    {
        response.Headers.ETag = $"\"{record.ConcurrencyStamp}\"";
        return Results.Ok(WorkflowDefinitionResponse.From(record));
    }
}
