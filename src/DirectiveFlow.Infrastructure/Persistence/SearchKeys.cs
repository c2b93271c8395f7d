using System.Linq.Expressions;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Persistence;

/// <summary>
/// Writes the folded search keys (<see cref="OrgUnit.SearchKey"/>, <see cref="Directive.SearchKey"/>) of rows that have
/// none yet: those of a database migrated from before the column, which the migration could only give its default
/// (folding Vietnamese needs .NET, not SQL). Run after the migrations at start; a database whose keys are all written
/// pays one query per table.
/// </summary>
public static class SearchKeys
{
    /// <summary>Answers how many rows got their key.</summary>
    public static async Task<int> FillAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken) =>
        await FillAsync(db, (OrgUnit u) => u.SearchKey, cancellationToken)
        + await FillAsync(db, (Directive d) => d.SearchKey, cancellationToken);

    private static async Task<int> FillAsync<T>(DirectiveFlowDbContext db, Expression<Func<T, string>> key, CancellationToken cancellationToken)
        where T : class
    {
        var unwritten = Expression.Lambda<Func<T, bool>>(Expression.Equal(key.Body, Expression.Constant("")), key.Parameters);
        var rows = await db.Set<T>().Where(unwritten).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            // The property always answers the key from the row's own text; marked so EF writes it.
            db.Entry(row).Property(key).IsModified = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }
}
