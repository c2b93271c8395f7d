using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// Writes many task rows on the context's open connection and transaction with the provider's fastest path, skipping
/// rows whose (instance, activity, unit) already exists.
/// </summary>
public interface ITaskBulkWriter
{
    /// <summary>
    /// Inserts <paramref name="tasks"/>, enumerated once as they are written (a caller may build each row as it is
    /// asked for, so the database takes the first rows while the next are made); <paramref name="knownNew"/> allows a
    /// path without the conflict check. Answers the tasks written: those whose (instance, activity, unit) existed are
    /// left out.
    /// </summary>
    Task<IReadOnlyList<UnitTask>> InsertAsync(DirectiveFlowDbContext db, IEnumerable<UnitTask> tasks, bool knownNew, CancellationToken cancellationToken);
}
