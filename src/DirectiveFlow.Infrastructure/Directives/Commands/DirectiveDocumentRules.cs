using System.Text.Json.Nodes;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>
/// The checks on a directive's <see cref="DirectiveDocument"/> at issue: the issue date is not after today, a position
/// needs a name, texts within their lengths, the overall deadline neither before the issue date nor already past (all
/// dates in Hà Nội). With an overall deadline, a working-days input of the flow that would make a task due after it is
/// refused up front, naming both dates; deadlines that cannot be known at issue are capped by the engine instead.
/// </summary>
public static class DirectiveDocumentRules
{
    public static void Check(DirectiveDocument? document, DateTimeOffset now, FieldErrors errors)
    {
        if (document is null)
        {
            return;
        }

        var today = VietnamTime.DateOf(now);
        if (document.IssuedOn is { } issued && issued > today)
        {
            errors.Add("issuedOn", ErrorCodes.IssuedInFuture, DirectiveDocument.Format(issued), DirectiveDocument.Format(today));
        }

        var hasPosition = !string.IsNullOrWhiteSpace(document.SignerPosition);
        if (hasPosition && string.IsNullOrWhiteSpace(document.SignerName))
        {
            errors.Add("signer.name", ErrorCodes.SignerNameRequired);
        }
        else
        {
            errors.Report("signer.name", TextRules.Line(document.SignerName, InputLimits.SignerLength, required: false));
        }

        errors.Report("signer.position", TextRules.Line(document.SignerPosition, InputLimits.SignerLength, required: false));
        errors.Report("summary", TextRules.Paragraphs(document.Summary, InputLimits.SummaryLength));
        if (document.Deadline is not { } deadline)
        {
            return;
        }

        if (document.IssuedOn is { } issuedOn && deadline < issuedOn)
        {
            errors.Add("deadline", ErrorCodes.DirectiveDeadlineBeforeIssue, DirectiveDocument.Format(deadline), DirectiveDocument.Format(issuedOn));
        }
        else if (DirectiveDocument.DeadlineInstant(deadline) < now)
        {
            errors.Add("deadline", ErrorCodes.DirectiveDeadlinePassed, DirectiveDocument.Format(deadline), DirectiveDocument.Format(today));
        }
    }

    /// <summary>
    /// Each working-days input of <paramref name="flow"/> (after <see cref="DirectiveInputs.Complete"/>) that makes a task
    /// written now due after the overall deadline is refused under <c>inputs.{name}</c>.
    /// </summary>
    public static void CheckDeadlineInputs(
        WorkflowDefinition flow, JsonObject inputs, DirectiveDocument? document, DateTimeOffset now, IWorkingDayCalendar calendar, FieldErrors errors)
    {
        if (document?.Deadline is not { } deadline)
        {
            return;
        }

        var limit = DirectiveDocument.DeadlineInstant(deadline);
        foreach (var name in DeadlineInputs.Of(flow))
        {
            if (DeadlineSpec.WorkingDaysIn(inputs[name]) is { } days && calendar.AddWorkingDays(now, days) is var due && due > limit)
            {
                errors.Add($"inputs.{name}", ErrorCodes.TaskDeadlineAfterDirective, days,
                    DirectiveDocument.Format(VietnamTime.DateOf(due)), DirectiveDocument.Format(deadline));
            }
        }
    }
}
