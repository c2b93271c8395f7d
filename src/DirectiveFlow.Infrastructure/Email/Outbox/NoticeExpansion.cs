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
/// exactly one row. The rows are due from the model's time, as if the cascade had written them.
/// </summary>
public static class NoticeExpansion
{
    /// <summary>At most this many models per dispatch: a cascade's step writes one or two, of up to a few hundred notices each.</summary>
    public const int ModelsPerDispatch = 100;

    /// <summary>
    /// Expands the oldest models still carrying notices; answers how many rows were written. A list that cannot be
    /// expanded is logged and left (rolled back whole) for the next dispatch, and the others go on: one bad list must not
    /// hold up the mail.
    /// </summary>
    public static async Task<int> ExpandAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken, ILogger? logger = null)
    {
        var ids = await db.OutboxModels.AsNoTracking().Where(m => m.NoticeCount > 0).OrderBy(m => m.Id).Select(m => m.Id)
            .Take(ModelsPerDispatch).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var id in ids)
        {
            try
            {
                written += await ExpandOneAsync(db, id, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger?.LogError(ex, "The notices of outbox model {Id} could not be made rows; they are left for the next dispatch", id);
            }
        }

        return written;
    }

    private static async Task<int> ExpandOneAsync(DirectiveFlowDbContext db, long id, CancellationToken cancellationToken)
    {
        try
        {
            return await ExpandOneAsync(db, id, keysAreNew: true, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A row of the list exists already (it cannot, as the engine writes them; but a list must never stick):
            // again, row by row, leaving the rows that exist.
            return await ExpandOneAsync(db, id, keysAreNew: false, cancellationToken);
        }
    }

    private static async Task<int> ExpandOneAsync(DirectiveFlowDbContext db, long id, bool keysAreNew, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var model = await db.OutboxModels.AsNoTracking().Where(m => m.Id == id && m.NoticeCount > 0)
            .Select(m => new { m.Notices, m.NoticeTemplate, m.NoticeDirectiveId, m.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        // Taken, or not: on PostgreSQL and SQL Server a second taker waits for the first to commit and then updates nothing.
        if (model is null || await db.OutboxModels.Where(m => m.Id == id && m.NoticeCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NoticeCount, 0).SetProperty(m => m.Notices, (string?)null), cancellationToken) == 0)
        {
            return 0;
        }

        var rows = PendingNotices.Read(model.Notices ?? "")
            .Select(notice => NoticeRows.Row(notice.DedupeKey, model.NoticeTemplate, id, notice.TaskId, model.NoticeDirectiveId, model.CreatedAt))
            .ToList();
        var written = await NoticeRows.InsertAsync(
            db.Database.GetDbConnection(), transaction.GetDbTransaction(), new ProviderValues(db.Database.ProviderName), ProviderSql.For(db), rows,
            keysAreNew, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
