using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;

namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>
/// Query string of GET /api/tasks. status: comma-separated states; category: CompletedOnTime, CompletedLate,
/// OpenWithinDeadline, OpenOverdue or DueSoon; scope: mine (default), assigned or supporting; assignedTo: me (the tasks
/// given to the caller in person).
/// </summary>
public sealed record TaskListParameters(
    string? Status,
    string? Category,
    Guid? DirectiveId,
    DateTimeOffset? DueBefore,
    DateTimeOffset? DueAfter,
    Guid? UnitId,
    string? Scope,
    string? AssignedTo,
    int? Page,
    int? PageSize)
{
    public TaskListFilter ToFilter()
    {
        var errors = new FieldErrors();
        var statuses = new List<UnitTaskStatus>();
        foreach (var part in (Status ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Enum.TryParse<UnitTaskStatus>(part, ignoreCase: true, out var s) && Enum.IsDefined(s))
            {
                statuses.Add(s);
            }
            else
            {
                errors.Add("status", ErrorCodes.NotAllowed, part, string.Join(", ", Enum.GetNames<UnitTaskStatus>()));
            }
        }

        TaskCategory? category = null;
        var dueSoon = string.Equals(Category, "DueSoon", StringComparison.OrdinalIgnoreCase);
        if (!dueSoon && !string.IsNullOrWhiteSpace(Category))
        {
            if (Enum.TryParse<TaskCategory>(Category, ignoreCase: true, out var c) && Enum.IsDefined(c))
            {
                category = c;
            }
            else
            {
                errors.Add("category", ErrorCodes.NotAllowed, Category, string.Join(", ", [.. Enum.GetNames<TaskCategory>(), "DueSoon"]));
            }
        }

        var scope = TaskListScope.Mine;
        if (!string.IsNullOrWhiteSpace(Scope) && !(Enum.TryParse(Scope, ignoreCase: true, out scope) && Enum.IsDefined(scope)))
        {
            errors.Add("scope", ErrorCodes.NotAllowed, Scope, "mine, assigned, supporting");
        }

        var assignedToMe = string.Equals(AssignedTo, "me", StringComparison.OrdinalIgnoreCase);
        if (!assignedToMe && !string.IsNullOrWhiteSpace(AssignedTo))
        {
            errors.Add("assignedTo", ErrorCodes.NotAllowed, AssignedTo, "me");
        }

        if (Page is < 1)
        {
            errors.Add("page", ErrorCodes.WholeNumberRange, 1, int.MaxValue);
        }

        if (PageSize is < 1 or > PageRequest.MaxPageSize)
        {
            errors.Add("pageSize", ErrorCodes.WholeNumberRange, 1, PageRequest.MaxPageSize);
        }

        errors.ThrowIfAny();
        return new TaskListFilter(scope, statuses, category, dueSoon, DirectiveId, DueBefore, DueAfter, UnitId, PageRequest.From(Page, PageSize))
        {
            AssignedToMe = assignedToMe,
        };
    }
}
