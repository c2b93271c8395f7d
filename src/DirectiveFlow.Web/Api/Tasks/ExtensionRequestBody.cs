namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Body of POST /api/tasks/{id}/extension-requests: additionalWorkingDays or newDueDate, and a reason.</summary>
public sealed record ExtensionRequestBody(int? AdditionalWorkingDays, string? NewDueDate, string? Reason);
