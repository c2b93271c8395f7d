using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// The lead unit asks, before its deadline and with a reason, for more time: either a number of additional
/// working days (counted from the current deadline) or a new due date ("yyyy-MM-dd" = the end of that working
/// day, or an exact ISO 8601 instant, read as Vietnam time when it has no offset). Either way the new deadline falls on
/// a working day. One open request at a time. Returns the request's id.
/// </summary>
public sealed record RequestExtensionCommand(Guid TaskId, int? AdditionalWorkingDays, string? NewDueDate, string? Reason) : ICommand<Guid>;

public sealed class RequestExtensionHandler(TaskWorkspace workspace, IWorkingDayCalendar calendar) : ICommandHandler<RequestExtensionCommand, Guid>
{
    public async ValueTask<Guid> Handle(RequestExtensionCommand command, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            errors.Add("reason", ErrorCodes.ReasonRequired);
        }
        else
        {
            errors.Report("reason", TextRules.Paragraphs(command.Reason, InputLimits.NoteLength));
        }

        if ((command.AdditionalWorkingDays is null) == string.IsNullOrWhiteSpace(command.NewDueDate))
        {
            errors.Add("additionalWorkingDays", ErrorCodes.ExtensionEitherOr);
        }
        else if (command.AdditionalWorkingDays is < 1 or > 365)
        {
            errors.Add("additionalWorkingDays", ErrorCodes.ExtensionDaysRange);
        }

        DateTimeOffset? asked = null;
        if (!string.IsNullOrWhiteSpace(command.NewDueDate))
        {
            asked = ParseDueDate(command.NewDueDate.Trim());
            if (asked is null)
            {
                errors.Add("newDueDate", ErrorCodes.ExtensionBadDate);
            }
        }

        errors.ThrowIfAny();
        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, TaskAction.RequestExtension, cancellationToken);
        if (workspace.Now > task.DueAt)
        {
            throw ProblemException.Conflict(ErrorCodes.ExtensionAfterDeadline);
        }

        if (await workspace.Db.ExtensionRequests.AnyAsync(r => r.TaskId == task.Id && r.Status == ExtensionRequestStatus.Requested, cancellationToken))
        {
            throw ProblemException.Conflict(ErrorCodes.ExtensionPending);
        }

        var requestedDueAt = asked ?? calendar.AddWorkingDays(task.DueAt, command.AdditionalWorkingDays!.Value);
        if (requestedDueAt <= task.DueAt)
        {
            throw ProblemException.Invalid("newDueDate", ErrorCodes.ExtensionNotLater);
        }

        if (requestedDueAt > task.DueAt.AddDays(InputLimits.MaxDeadlineDays))
        {
            throw ProblemException.Invalid("newDueDate", ErrorCodes.ExtensionTooFar, InputLimits.MaxDeadlineDays);
        }

        await DirectiveDeadlineCap.CheckAsync(workspace, task, requestedDueAt, deciding: false, cancellationToken);

        var request = new ExtensionRequest
        {
            Id = Guid.CreateVersion7(),
            TaskId = task.Id,
            AdditionalWorkingDays = command.AdditionalWorkingDays,
            RequestedDueAt = requestedDueAt,
            PreviousDueAt = task.DueAt,
            Reason = command.Reason!.Trim(),
            RequestedAt = workspace.Now,
            RequestedBy = caller.UserName,
        };
        workspace.Db.ExtensionRequests.Add(request);
        workspace.Record(task, caller.UserName, "extension.requested", $"{requestedDueAt:O}: {request.Reason}");
        await TaskEmails.QueueAsync(workspace, task, task.AssignerUnitId, "extension-requested",
            "Đề nghị gia hạn", "Extension requested", request.Reason, workspace.Now, cancellationToken);
        await workspace.CommitAsync(cancellationToken);
        return request.Id;
    }

    private DateTimeOffset? ParseDueDate(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return calendar.IsWorkingDay(date) ? calendar.AddWorkingDays(VietnamTime.At(date, TimeOnly.MinValue), 0) : null;
        }

        if (!text.Contains('T') || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        // Without an offset the time is an official's wall clock, not the server's (containers run on UTC: "17:00" was
        // stored as midnight the next day in Hà Nội).
        DateTimeOffset instant;
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            instant = VietnamTime.At(DateOnly.FromDateTime(parsed), TimeOnly.FromDateTime(parsed));
        }
        else if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            return null;
        }

        // The same rule as a date alone: a deadline on a weekend or a holiday is refused.
        return calendar.IsWorkingDay(VietnamTime.DateOf(instant)) ? instant : null;
    }
}
