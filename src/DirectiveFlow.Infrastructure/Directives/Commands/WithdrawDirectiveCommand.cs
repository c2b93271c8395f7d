using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Engine.Notices;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>
/// The issuer withdraws a directive (thu hồi văn bản), e.g. one issued in error or overtaken by another: in one
/// transaction its flow ends, every open task is cancelled (no more reminders, undecided extension requests
/// superseded), the directive records who, when and why, the journal says so, and each unit whose work stopped gets one
/// email. The issuing unit's issuers and administrators may (<see cref="IssueRule"/>); a directive the caller may not
/// read answers 404, as one that does not exist. Refused while a large cascade is still being written (its batches
/// would add tasks after the withdrawal) and once the directive has ended.
/// </summary>
public sealed record WithdrawDirectiveCommand(Guid DirectiveId, string? Reason, Caller Caller) : ICommand<WithdrawDirectiveResult>;

/// <summary>How many open tasks the withdrawal cancelled, and how many units it tells by email.</summary>
public sealed record WithdrawDirectiveResult(int TasksCancelled, int UnitsNotified);

public sealed class WithdrawDirectiveHandler(DirectiveFlowDbContext db, WithdrawalNoticeWriter notices, TimeProvider time)
    : ICommandHandler<WithdrawDirectiveCommand, WithdrawDirectiveResult>
{
    public async ValueTask<WithdrawDirectiveResult> Handle(WithdrawDirectiveCommand command, CancellationToken cancellationToken)
    {
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw ProblemException.Invalid("reason", ErrorCodes.WithdrawReasonRequired);
        }

        if (TextRules.Paragraphs(reason, InputLimits.NoteLength) is { } badReason)
        {
            throw ProblemException.Invalid("reason", badReason);
        }

        var reader = command.Caller.Principal is { } principal ? await DirectiveReader.ForAsync(db, principal, cancellationToken) : DirectiveReader.Everything;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var directive = await reader.Filter(db, db.Directives).SingleOrDefaultAsync(d => d.Id == command.DirectiveId, cancellationToken)
            ?? throw ProblemException.NotFound(ErrorCodes.DirectiveNotFound, command.DirectiveId);
        if (command.Caller.Principal is { } person && !IssueRule.MayIssueFor(person, directive.IssuingUnitId))
        {
            throw ProblemException.Forbidden(ErrorCodes.WithdrawForbidden);
        }

        var writing = await db.ActivityExecutions.AsNoTracking()
            .Where(e => e.InstanceId == directive.InstanceId && e.ExpectedBranches > 0 && e.Status != ActivityExecutionStatus.Cancelled)
            .GroupBy(e => 1)
            .Select(g => new { Expected = g.Sum(e => e.ExpectedBranches), Written = g.Sum(e => e.WrittenBranches) })
            .SingleOrDefaultAsync(cancellationToken);
        if (writing is { } w && w.Written < w.Expected)
        {
            throw ProblemException.Conflict(ErrorCodes.DirectiveStillWriting, directive.Number, w.Written, w.Expected);
        }

        var now = time.GetUtcNow();
        var actor = command.Caller.ActorName;
        var cancelled = await InstanceCancellation.CancelAsync(db, directive.InstanceId, directive.Id, actor, now, cancellationToken)
            ?? throw ProblemException.Conflict(ErrorCodes.DirectiveEnded, directive.Number);

        directive.WithdrawnAt = now;
        directive.WithdrawnBy = actor;
        directive.WithdrawalReason = reason;
        db.Journal.Add(new JournalEntry
        {
            DirectiveId = directive.Id, InstanceId = directive.InstanceId, At = now, Actor = actor, Action = "directive.withdrawn", Detail = reason,
        });
        var reference = (await DirectiveReferences.LoadAsync(db, [directive.Id], cancellationToken))[directive.Id];
        var by = (await PersonNames.LoadAsync(db, [actor], cancellationToken)).Name(actor) ?? reference.IssuingUnitName;
        var told = await notices.WriteAsync(db, directive, reference, cancelled, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WithdrawDirectiveResult(cancelled.Count, told);
    }
}
