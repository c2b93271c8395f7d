using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// Saves what preparing a batch put in its rows (recipients, rendered subject and bodies) before any of them is sent, so
/// a row the database refuses is known before its email goes out. One save for the batch; when it fails, row by row,
/// and a row that cannot be saved becomes a dead letter: saved with the sent mark of the next email instead, it failed
/// that save, the run stopped, and the batch went out again once its lease ran out.
/// </summary>
public static class PreparedRows
{
    /// <summary>Saves the batch's changes; answers the rows that could not be saved, now dead letters (and no longer tracked).</summary>
    public static async Task<List<OutboxMessage>> SaveAsync(DirectiveFlowDbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateException)
        {
            // Which row? Each on its own: the others wait unmodified (their values kept) while one is saved.
        }

        var changed = rows.Where(r => db.Entry(r).State == EntityState.Modified).ToDictionary(r => r, r => db.Entry(r).CurrentValues.Clone());
        foreach (var row in changed.Keys)
        {
            db.Entry(row).CurrentValues.SetValues(db.Entry(row).OriginalValues);
        }

        var refused = new List<OutboxMessage>();
        foreach (var (row, values) in changed)
        {
            db.Entry(row).CurrentValues.SetValues(values);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                db.Entry(row).State = EntityState.Detached;
                var error = $"Saving the prepared row failed: {ex.InnerException?.Message ?? ex.Message}";
                await db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.DeadLetter)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
                refused.Add(row);
            }
        }

        return refused;
    }
}
