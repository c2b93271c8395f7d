using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// Makes outbox rows of the notices a cascade left on its shared models (<see cref="OutboxModel.Notices"/>), at the
/// start of each dispatch. Each model is expanded in its own transaction that first takes its list (a guarded update
/// of <see cref="OutboxModel.NoticeCount"/> to 0) and then writes its rows: of two dispatchers expanding at once, the
/// second finds the list taken and writes nothing, and a crash in between rolls both back, so each notice becomes
/// exactly one row. The rows are due from the model's time, as if the cascade had written them; the model's own time
/// becomes the expansion's, so the clean-up of shared models (kept an hour after they are written) counts its grace from
/// when its rows appeared. A list that cannot be read (a line that is not a notice, or fewer lines than its count) is set
/// aside: its count turns negative, so no dispatch takes it again or counts it as waiting, the model is kept for whoever
/// looks into it, and an error is logged. Any other failure (the database) leaves the list for the next dispatch.
/// </summary>
public static class NoticeExpansion
{
    /// <summary>At most this many models per dispatch: a cascade's step writes one or two, of up to a few hundred notices each.</summary>
    public const int ModelsPerDispatch = 100;

    /// <summary>
    /// Expands the oldest models still carrying notices at <paramref name="now"/> (the application's clock); answers how
    /// many lists this call took and how many rows it wrote. One list that fails does not stop the others.
    /// </summary>
    public static async Task<(int Lists, int Rows)> ExpandAsync(
        DirectiveFlowDbContext db, DateTimeOffset now, CancellationToken cancellationToken, ILogger? logger = null)
    {
        var ids = await db.OutboxModels.AsNoTracking().Where(m => m.NoticeCount > 0).OrderBy(m => m.Id).Select(m => m.Id)
            .Take(ModelsPerDispatch).ToListAsync(cancellationToken);
        var (lists, written) = (0, 0);
        foreach (var id in ids)
        {
            try
            {
                if (await ExpandOneAsync(db, id, now, cancellationToken) is { } rows)
                {
                    (lists, written) = (lists + 1, written + rows);
                }
            }
            catch (InvalidDataException ex)
            {
                logger?.LogError(ex, "The notices of outbox model {Id} cannot be read; the list is set aside (its count negated)", id);
                await db.OutboxModels.Where(m => m.Id == id && m.NoticeCount > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NoticeCount, m => -m.NoticeCount), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger?.LogError(ex, "The notices of outbox model {Id} could not be made rows; they are left for the next dispatch", id);
            }
        }

        return (lists, written);
    }

    /// <summary>The rows written for list <paramref name="id"/>, or null when another dispatcher took it first.</summary>
    private static async Task<int?> ExpandOneAsync(DirectiveFlowDbContext db, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await ExpandOneAsync(db, id, now, keysAreNew: true, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A row of the list exists already (it cannot, as the engine writes them; but a list must never stick):
            // again, row by row, leaving the rows that exist.
            return await ExpandOneAsync(db, id, now, keysAreNew: false, cancellationToken);
        }
    }

    private static async Task<int?> ExpandOneAsync(DirectiveFlowDbContext db, long id, DateTimeOffset now, bool keysAreNew, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var model = await db.OutboxModels.AsNoTracking().Where(m => m.Id == id && m.NoticeCount > 0)
            .Select(m => new { m.Notices, m.NoticeCount, m.NoticeTemplate, m.NoticeDirectiveId, m.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        // Taken, or not: on PostgreSQL and SQL Server a second taker waits for the first to commit and then updates nothing.
        if (model is null || await db.OutboxModels.Where(m => m.Id == id && m.NoticeCount > 0)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.NoticeCount, 0)
                    .SetProperty(m => m.Notices, (string?)null)
                    .SetProperty(m => m.CreatedAt, now), cancellationToken) == 0)
        {
            return null;
        }

        var rows = PendingNotices.Read(model.Notices ?? "")
            .Select(notice => NoticeRows.Row(notice.DedupeKey, model.NoticeTemplate, id, notice.TaskId, model.NoticeDirectiveId, model.CreatedAt))
            .ToList();
        if (rows.Count != model.NoticeCount)
        {
            throw new InvalidDataException($"The list holds {rows.Count} notices, not the {model.NoticeCount} counted.");
        }

        var written = await NoticeRows.InsertAsync(
            db.Database.GetDbConnection(), transaction.GetDbTransaction(), new ProviderValues(db.Database.ProviderName), ProviderSql.For(db), rows,
            keysAreNew, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
