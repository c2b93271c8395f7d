using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Digest;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// Sends due outbox messages over one SMTP connection per batch. Each message is claimed first (a lease, see
/// <see cref="OutboxClaim"/>), so two nodes never send the same row; a failure retries with exponential backoff and
/// becomes a dead letter after <see cref="OutboxOptions.MaxAttempts"/>. What is due is read on the application's clock
/// (<paramref name="time"/>, the demo clock in demo mode), leases on real time (<paramref name="wall"/>). Escalations to a
/// superior unit's head or to the issuing leadership are completed and held, not sent: at the end of a cycle
/// <see cref="EscalationDigestWriter"/> gathers them into one digest per recipient and window, sent like any row. A cycle
/// starts by making rows of the notices cascades left on their shared models (<see cref="NoticeExpansion"/>), even when
/// no mail can go out, so the outbox shows them. A chase of a task closed since it was queued, or the assignment of a
/// task cancelled since (<see cref="ClosedTaskChases"/>), is not sent: the batch that claimed it marks it skipped; a digest
/// leaves such tasks out, and is skipped when none is left (<see cref="EscalationDigestWriter.LeaveOutClosedTasksAsync"/>).
/// </summary>
public sealed class OutboxDispatcher(
    DirectiveFlowDbContext db,
    SmtpMailSender sender,
    EmailRenderer renderer,
    EscalationDigestWriter digests,
    OutboxOptions options,
    TimeProvider time,
    WallClock wall,
    ILogger<OutboxDispatcher> logger,
    IEmailAttachmentSource? attachments = null)
{
    /// <summary>Sends batches until nothing is due (or <paramref name="maxBatches"/> is reached).</summary>
    public async Task<DispatchResult> DispatchAsync(CancellationToken cancellationToken, int maxBatches = 20)
    {
        using var activity = EmailTelemetry.StartDispatch();
        await NoticeExpansion.ExpandAsync(db, time.GetUtcNow(), cancellationToken, logger);
        if (!sender.CanSend)
        {
            // Not a failure of each row: claiming and failing them would burn their attempts into dead letters.
            return DispatchResult.None;
        }

        var total = await DispatchBatchesAsync(maxBatches, cancellationToken);
        // Written even while the server cannot be reached, so the outbox shows them; sent in this run only if it can be:
        // trying it again moments after it failed would only wait out another connection timeout (DeferAsync).
        if (await digests.WriteAsync(time.GetUtcNow(), cancellationToken) > 0 && !total.Unreachable)
        {
            total += await DispatchBatchesAsync(maxBatches, cancellationToken);
        }

        await ForgetSharedModelsAsync(cancellationToken);
        return EmailTelemetry.Dispatched(total);
    }

    private async Task<DispatchResult> DispatchBatchesAsync(int maxBatches, CancellationToken cancellationToken)
    {
        var total = DispatchResult.None;
        for (var batch = 0; batch < maxBatches; batch++)
        {
            var result = await DispatchBatchAsync(cancellationToken);
            total += result;
            // A short batch is not the end: with another node dispatching, the rows it claimed first make this batch
            // short while more are due. Only a batch that finds nothing (or a failure: the server is in trouble) stops.
            if (result.Claimed == 0 || result.Failed > 0)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>How long a shared model is kept at least (a sweep writing models and rows commits well within it).</summary>
    public static readonly TimeSpan SharedModelGrace = TimeSpan.FromHours(1);

    /// <summary>
    /// Deletes the shared models no row needs any more: a completed row keeps its own model, so only rows not yet
    /// completed (pending, or dead letters that could not be completed, e.g. for want of an address) hold on to theirs.
    /// Models younger than <see cref="SharedModelGrace"/> are kept whatever, so a sweep committing meanwhile loses nothing,
    /// and so is a model whose notices are still to be expanded.
    /// </summary>
    public async Task<int> ForgetSharedModelsAsync(CancellationToken cancellationToken)
    {
        // A few models per sweep step: the ones still named are a short list.
        var needed = await db.Outbox
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.DeadLetter) && m.ModelId != null && m.ModelJson == null)
            .Select(m => m.ModelId!.Value)
            .Distinct()
            .ToListAsync(cancellationToken);
        var before = time.GetUtcNow() - SharedModelGrace;
        return await db.OutboxModels
            .Where(m => m.CreatedAt < before && m.NoticeCount == 0 && !needed.Contains(m.Id))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<DispatchResult> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claim = await OutboxClaim.TakeAsync(db, options, wall, now, cancellationToken);
        if (claim.Messages.Count == 0)
        {
            return DispatchResult.None;
        }

        // A database error here fails the run; the claimed rows come back when their lease runs out.
        var skipped = await ClosedTaskChases.FindAsync(db, claim.Messages, cancellationToken);
        skipped.AddRange(await digests.LeaveOutClosedTasksAsync(claim.Messages.Except(skipped), now, cancellationToken));
        foreach (var message in skipped)
        {
            message.Status = OutboxStatus.Skipped;
            claim.Release(message);
        }

        var result = new DispatchResult(claim.Messages.Count, 0, 0, 0) { Skipped = skipped.Count };
        var open = claim.Messages.Except(skipped).ToList();
        var sendable = new List<OutboxMessage>();
        var shared = await SharedModelRows.LoadAsync(db, open, cancellationToken);

        foreach (var message in open)
        {
            switch (await PrepareAsync(message, shared, cancellationToken))
            {
                case Prepared.Send:
                    sendable.Add(message);
                    break;
                case Prepared.Held:
                    claim.Release(message);
                    result = result with { Held = result.Held + 1 };
                    break;
                default:
                    claim.Release(message);
                    result = result with { DeadLettered = result.DeadLettered + 1 };
                    break;
            }
        }

        foreach (var refused in await PreparedRows.SaveAsync(db, claim.Messages, cancellationToken))
        {
            logger.LogError("Outbox message {Id} ({Key}) could not be saved once prepared: a dead letter", refused.Id, refused.DedupeKey);
            sendable.Remove(refused);
            claim.Release(refused);
            result = result with { DeadLettered = result.DeadLettered + 1 };
        }

        result += await SendAllAsync(claim, sendable, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task<DispatchResult> SendAllAsync(OutboxClaim claim, List<OutboxMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = DispatchResult.None;
        SmtpMailSender.Session? session = null;
        try
        {
            for (var index = 0; index < messages.Count; index++)
            {
                var message = messages[index];
                if (!await claim.KeepAsync(message, cancellationToken))
                {
                    continue; // its lease ran out and another dispatcher has it: sending it here would send it twice
                }

                try
                {
                    session ??= await sender.OpenAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return result + await DeferAsync(claim, messages.Skip(index), ex, now, cancellationToken);
                }

                try
                {
                    var files = attachments is null ? [] : await attachments.BuildAsync(message, cancellationToken);
                    var refused = await session.SendAsync(MailMessageFactory.Create(message, sender.From, files), cancellationToken);
                    message.Status = OutboxStatus.Sent;
                    message.SentAt = now;
                    message.Attempts++;
                    // Refused for good: a retry would not reach them, and would send the others the email twice.
                    message.LastError = refused.Count == 0 ? null : RefusedRecipients.Describe(refused);
                    if (refused.Count > 0)
                    {
                        logger.LogWarning("Outbox message {Id} ({Key}) was sent, but not to: {Refused}", message.Id, message.DedupeKey, message.LastError);
                    }

                    result = result with { Sent = result.Sent + 1 };
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    result += Fail(message, ex, now);
                    if (session is { IsConnected: false })
                    {
                        await session.DisposeAsync();
                        session = null;
                    }
                }

                // Saved per message: a crash after a send loses at most that one row's "Sent" mark, not the batch's.
                claim.Release(message);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        return result;
    }

    /// <summary>
    /// The server cannot be reached or refuses the sign-in: no fault of the emails, so none of them loses an attempt
    /// (an outage of an hour, or a wrong password, turned all mail into dead letters). They wait one
    /// <see cref="OutboxOptions.BaseDelay"/> and the run stops: one connection tried per run, not one per email (each
    /// up to 15 seconds). /health reports the server meanwhile (<c>MailDeliveryHealthCheck</c>, the outbox's lag).
    /// </summary>
    private async Task<DispatchResult> DeferAsync(
        OutboxClaim claim, IEnumerable<OutboxMessage> messages, Exception error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deferred = 0;
        foreach (var message in messages)
        {
            if (!await claim.KeepAsync(message, cancellationToken))
            {
                continue;
            }

            message.NextAttemptAt = now + options.BaseDelay;
            message.LastError = DeliveryErrors.Of(error);
            claim.Release(message);
            deferred++;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning(error, "SMTP server not reachable: {Count} email(s) wait until {At}, no attempt counted", deferred, now + options.BaseDelay);
        return new DispatchResult(0, 0, deferred, 0) { Unreachable = true };
    }

    private DispatchResult Fail(OutboxMessage message, Exception error, DateTimeOffset now)
    {
        message.Attempts++;
        message.LastError = DeliveryErrors.Of(error);
        if (message.Attempts >= options.MaxAttempts)
        {
            message.Status = OutboxStatus.DeadLetter;
            logger.LogWarning("Outbox message {Id} ({Key}) is a dead letter after {Attempts} attempts: {Error}", message.Id, message.DedupeKey, message.Attempts, message.LastError);
            return new DispatchResult(0, 0, 1, 1);
        }

        message.NextAttemptAt = now + options.DelayAfter(message.Attempts);
        logger.LogInformation("Outbox message {Id} failed (attempt {Attempts}), retry at {At}: {Error}", message.Id, message.Attempts, message.NextAttemptAt, message.LastError);
        return new DispatchResult(0, 0, 1, 0);
    }

    private enum Prepared
    {
        Send,
        Held,
        DeadLetter,
    }

    /// <summary>Completes and renders a row (or holds it for its recipient's digest); a row that cannot be is a dead letter.</summary>
    private async Task<Prepared> PrepareAsync(OutboxMessage message, SharedModelRows shared, CancellationToken cancellationToken)
    {
        if (message.Template is null || message.Subject.Length > 0)
        {
            return Prepared.Send;
        }

        var stage = DeliveryErrors.CompletingStep;
        try
        {
            // Kept in the row once completed: what was sent stays readable even if the task is renamed later.
            var role = shared.RoleOf(message);
            shared.Address(message);
            // One language per email, its recipients': the greeting is written in it (a held escalation's too, which
            // its digest, going to the same recipients, renders in the same language).
            var language = await RecipientLanguages.ResolveAsync(db, message.To, cancellationToken);
            shared.Complete(message, language);
            if (EscalationDigestWriter.Holds(message.Template, role))
            {
                message.Status = OutboxStatus.Held;
                return Prepared.Held;
            }

            stage = $"{DeliveryErrors.RenderingStep} '{message.Template}'";
            var email = renderer.Render(message.Template, language, message.ModelJson);
            message.Subject = OutboxFields.Subject(email.Subject);
            message.HtmlBody = email.HtmlBody;
            message.TextBody = email.TextBody;
            message.IcsContent = email.IcsContent;
            message.IcsFileName = email.IcsFileName;
            return Prepared.Send;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Neither a missing address nor a template that cannot render mends itself on a retry: straight to the
            // administrators, who can retry the row once it is fixed.
            message.Attempts++;
            message.Status = OutboxStatus.DeadLetter;
            message.LastError = DeliveryErrors.OfStep(stage, ex);
            logger.LogError(ex, "Outbox message {Id}: {Stage} failed", message.Id, stage);
            return Prepared.DeadLetter;
        }
    }
}
