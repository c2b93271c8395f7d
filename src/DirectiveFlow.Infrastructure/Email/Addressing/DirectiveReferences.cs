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
        var rows = await References.For(db)(db, wanted).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Reference);
    }

    private static readonly CompiledPerModel<Func<DirectiveFlowDbContext, List<Guid>, IAsyncEnumerable<ReferenceRow>>> References = new(_ =>
        EF.CompileAsyncQuery((DirectiveFlowDbContext db, List<Guid> ids) =>
            from d in db.Directives.AsNoTracking()
            where ids.Contains(d.Id)
            join u in db.Units on d.IssuingUnitId equals u.Id into units
            from u in units.DefaultIfEmpty()
            select new ReferenceRow(d.Id, new DirectiveReference(d.Number, d.DocumentType, d.IssuedOn, u == null ? "" : u.Name, d.SignerName, d.SignerPosition, d.Deadline))));

    private sealed record ReferenceRow(Guid Id, DirectiveReference Reference);
}
