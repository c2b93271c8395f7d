using System.Globalization;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// Counts the steps one sweep transaction sent, per directive and step, and writes them to the directive's journal
/// (one entry each) in that transaction. The tasks' own record of each step is its outbox row.
/// </summary>
public sealed class SweepSteps
{
    private readonly Dictionary<(Guid Directive, string Action), int> _counts = [];

    private static readonly CultureInfo VietnameseNumbers = CultureInfo.GetCultureInfo("vi-VN");

    public void Add(Guid directiveId, string action, int tasks)
    {
        if (tasks > 0)
        {
            _counts[(directiveId, action)] = _counts.GetValueOrDefault((directiveId, action)) + tasks;
        }
    }

    /// <summary>
    /// Counts the <paramref name="tasks"/> tasks <paramref name="decision"/> was applied to when it passed ladder steps
    /// without mailing them (a catch-up's lower steps), as <see cref="DueEffect.SkippedAction"/>: the tasks' schedule
    /// moved past those steps, so each task is counted once.
    /// </summary>
    public void AddSkipped(Guid directiveId, SweepDecision decision, int tasks) =>
        Add(directiveId, DueEffect.SkippedAction, decision.Skipped.Count > 0 ? tasks : 0);

    public async Task WriteAsync(DirectiveFlowDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_counts.Count == 0)
        {
            return;
        }

        var entries = _counts.OrderBy(c => c.Key.Action, StringComparer.Ordinal)
            .Select(c => Summary(c.Key.Directive, c.Key.Action, c.Value, now)).ToList();
        db.Journal.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in entries)
        {
            db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

        SweepTelemetry.Steps(_counts);
        _counts.Clear();
    }

    /// <summary>
    /// The directive's journal entry for one step: how many of its tasks got it. Each task's own line is its outbox
    /// row (the task's history lists its emails, with their delivery), so a step over 13,000 units writes one row per
    /// task, not two.
    /// </summary>
    private static JournalEntry Summary(Guid directiveId, string action, int tasks, DateTimeOffset now) => new()
    {
        DirectiveId = directiveId,
        At = now,
        Actor = "system",
        Action = action,
        Detail = string.Create(VietnameseNumbers, $"{tasks:N0} nhiệm vụ"),
    };
}
