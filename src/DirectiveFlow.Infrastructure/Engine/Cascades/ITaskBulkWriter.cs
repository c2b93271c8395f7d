using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// Writes many task rows on the context's open connection and transaction with the provider's fastest path, skipping
/// rows whose (instance, activity, unit, item) already exists.
/// </summary>
public interface ITaskBulkWriter
{
    /// <summary>
    /// Inserts <paramref name="tasks"/>, enumerated once as they are written (a caller may build each row as it is
    /// asked for, so the database takes the first rows while the next are made); <paramref name="existing"/> says how
    /// likely a row is to exist already, which lets a provider take a path without the conflict check. Answers the tasks
    /// written: those whose (instance, activity, unit, item) existed are left out.
    /// </summary>
    Task<IReadOnlyList<UnitTask>> InsertAsync(DirectiveFlowDbContext db, IEnumerable<UnitTask> tasks, ExistingTasks existing, CancellationToken cancellationToken);
}

/// <summary>How likely some of the rows a cascade writes exist already: what the writer may skip checking.</summary>
public enum ExistingTasks
{
    /// <summary>None can: the first write of a top-level cascade's branches.</summary>
    None,

    /// <summary>
    /// Only when a flow's nested cascades overlap (two runs naming the same units, e.g. <c>counterpartsOf: "branch"</c>
    /// for several departments of one province): the rows are written as new, and written again with the check when
    /// that fails.
    /// </summary>
    Unlikely,

    /// <summary>Some may: a batch written again after a node died mid-way.</summary>
    Possible,
}
