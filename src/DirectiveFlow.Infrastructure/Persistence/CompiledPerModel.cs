using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DirectiveFlow.Infrastructure.Persistence;

/// <summary>
/// A compiled EF Core query (or anything built from a model), made once per model: a compiled query serves only the
/// model it was compiled against, and one process may hold several (SQLite and PostgreSQL side by side in the tests and
/// benchmarks). Compiled, a query skips building its cache key from its expression on every call, which for the small
/// reads of a task command or an engine step was a good part of its CPU time.
/// </summary>
internal sealed class CompiledPerModel<T>(Func<DbContext, T> build) where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _built = [];

    /// <summary>What was built for <paramref name="db"/>'s model (built from <paramref name="db"/> the first time).</summary>
    public T For(DbContext db) => _built.TryGetValue(db.Model, out var built) ? built : _built.GetValue(db.Model, _ => build(db));
}
