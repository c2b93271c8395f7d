using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Addressing;

/// <summary>Loads the citations (<see cref="DirectiveReference"/>) of several directives in one query.</summary>
public static class DirectiveReferences
{
    public static async Task<Dictionary<Guid, DirectiveReference>> LoadAsync(DirectiveFlowDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await (from d in db.Directives.AsNoTracking()
                          where wanted.Contains(d.Id)
                          join u in db.Units on d.IssuingUnitId equals u.Id into units
                          from u in units.DefaultIfEmpty()
                          select new { d.Id, d.Number, d.DocumentType, d.IssuedOn, UnitName = u == null ? "" : u.Name, d.SignerName, d.SignerPosition, d.Deadline })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new DirectiveReference(r.Number, r.DocumentType, r.IssuedOn, r.UnitName, r.SignerName, r.SignerPosition, r.Deadline));
    }
}
