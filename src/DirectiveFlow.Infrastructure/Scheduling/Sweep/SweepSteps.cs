using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// Counts the steps one sweep transaction sent, per directive and step, and writes them to the directive's journal
/// (one entry each) in that transaction. The tasks' own record of each step is its outbox row.
/// </summary>
public sealed class SweepSteps
{
    private readonly Dictionary<(Guid Directive, string Action), int> _counts = [];

    /// <summary>The journal action of an effect (<c>escalation.level2</c>, <c>task.reminder</c>, …).</summary>
    public static string ActionOf(DueEffect effect) =>
        DueEffect.ActionOf(effect.DedupeKey) ?? throw new InvalidOperationException($"'{effect.DedupeKey}' is not a step's key.");

    public void Add(Guid directiveId, string action, int tasks)
    {
        if (tasks > 0)
        {
            _counts[(directiveId, action)] = _counts.GetValueOrDefault((directiveId, action)) + tasks;
        }
    }

    public async Task WriteAsync(DirectiveFlowDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_counts.Count == 0)
        {
            return;
        }

        var entries = _counts.OrderBy(c => c.Key.Action, StringComparer.Ordinal)
            .Select(c => EffectMessages.Summary(c.Key.Directive, c.Key.Action, c.Value, now)).ToList();
        db.Journal.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in entries)
        {
            db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

        _counts.Clear();
    }
}
