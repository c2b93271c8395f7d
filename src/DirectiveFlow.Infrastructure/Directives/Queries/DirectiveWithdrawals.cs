using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>A directive's withdrawal as its page and its stopped tasks' pages show it, with the withdrawer's name.</summary>
public static class DirectiveWithdrawals
{
    /// <summary>The withdrawal recorded on a directive already read; null when it stands.</summary>
    public static async Task<DirectiveWithdrawalDto?> OfAsync(
        DirectiveFlowDbContext db, DateTimeOffset? withdrawnAt, string? withdrawnBy, string? reason, CancellationToken cancellationToken) =>
        withdrawnAt is { } at
            ? new DirectiveWithdrawalDto(at, withdrawnBy ?? "",
                (await PersonNames.LoadAsync(db, [withdrawnBy], cancellationToken)).Name(withdrawnBy) ?? withdrawnBy ?? "", reason ?? "")
            : null;

    /// <summary>The withdrawal of directive <paramref name="directiveId"/>: one query, and one for the name when withdrawn.</summary>
    public static async Task<DirectiveWithdrawalDto?> OfAsync(DirectiveFlowDbContext db, Guid directiveId, CancellationToken cancellationToken)
    {
        var row = await db.Directives.AsNoTracking().Where(d => d.Id == directiveId && d.WithdrawnAt != null)
            .Select(d => new { d.WithdrawnAt, d.WithdrawnBy, d.WithdrawalReason }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : await OfAsync(db, row.WithdrawnAt, row.WithdrawnBy, row.WithdrawalReason, cancellationToken);
    }
}

/// <summary>
/// The withdrawal that stopped a task, for its page: null unless the task is cancelled and its directive withdrawn. Read
/// only by a caller who may read the task (404 otherwise, as the task itself).
/// </summary>
public sealed record GetTaskWithdrawalQuery(Guid TaskId) : IQuery<DirectiveWithdrawalDto?>;

public sealed class GetTaskWithdrawalHandler(DirectiveFlowDbContext db, TaskReadAccess access) : IQueryHandler<GetTaskWithdrawalQuery, DirectiveWithdrawalDto?>
{
    public async ValueTask<DirectiveWithdrawalDto?> Handle(GetTaskWithdrawalQuery query, CancellationToken cancellationToken)
    {
        var task = (await access.LoadAsync(query.TaskId, cancellationToken)).Task;
        return task.Status == UnitTaskStatus.Cancelled ? await DirectiveWithdrawals.OfAsync(db, task.DirectiveId, cancellationToken) : null;
    }
}
