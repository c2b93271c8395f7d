using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// No task is due after its directive's overall deadline: an extension past it is refused when it is requested and
/// again when it is approved (the deadline may have been recorded in between, or the request made before the cap).
/// </summary>
internal static class DirectiveDeadlineCap
{
    /// <summary>Refuses <paramref name="dueAt"/> past the overall deadline: 400 on <c>newDueDate</c> when asked, 409 when decided.</summary>
    public static async Task CheckAsync(TaskWorkspace workspace, UnitTask task, DateTimeOffset dueAt, bool deciding, CancellationToken cancellationToken)
    {
        var limit = await workspace.Db.Directives.Where(d => d.Id == task.DirectiveId).Select(d => d.Deadline).SingleOrDefaultAsync(cancellationToken);
        if (limit is { } deadline && dueAt > deadline)
        {
            object[] dates = [DirectiveDocument.Format(VietnamTime.DateOf(dueAt)), DirectiveDocument.Format(VietnamTime.DateOf(deadline))];
            throw deciding
                ? ProblemException.Conflict(ErrorCodes.ExtensionPastDirectiveDeadline, dates)
                : ProblemException.Invalid("newDueDate", ErrorCodes.ExtensionPastDirectiveDeadline, dates);
        }
    }
}
