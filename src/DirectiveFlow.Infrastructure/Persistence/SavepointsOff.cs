using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Persistence;

/// <summary>
/// Turns off, until disposed, EF Core's savepoint around each <c>SaveChanges</c> inside a transaction. For units of work
/// whose failed save ends them whole (the transaction is rolled back, nothing is retried inside it): there the savepoint
/// only costs two more round trips per save and, on PostgreSQL, a subtransaction. Restored after, as the context may go
/// on to other work.
/// </summary>
public readonly struct SavepointsOff : IDisposable
{
    private readonly DbContext _db;
    private readonly bool _before;

    public SavepointsOff(DbContext db)
    {
        _db = db;
        _before = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
    }

    public void Dispose() => _db.Database.AutoSavepointsEnabled = _before;
}
