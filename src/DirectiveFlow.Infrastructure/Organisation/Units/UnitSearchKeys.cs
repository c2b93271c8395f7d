using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>
/// Writes <see cref="Core.Organisation.OrgUnit.SearchKey"/> for units that have none yet: those of a database migrated
/// from before the column, which the migration could only give its default (folding Vietnamese needs .NET, not SQL).
/// Run after the migrations at start; a database whose keys are all written pays one query.
/// </summary>
public static class UnitSearchKeys
{
    /// <summary>Answers how many units got their key.</summary>
    public static async Task<int> FillAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.Units.Where(u => u.SearchKey == "").ToListAsync(cancellationToken);
        foreach (var unit in units)
        {
            // The property always answers the key from the code and name; marked so EF writes it.
            db.Entry(unit).Property(u => u.SearchKey).IsModified = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        return units.Count;
    }
}
