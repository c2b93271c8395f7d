using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Choices;

/// <summary>
/// The locality a typed <paramref name="Text"/> means: an exact code, else a name (diacritics and case ignored, one of
/// <paramref name="Offered"/> preferred when the name repeats across provinces); null when none.
/// </summary>
public sealed record FindLocalityQuery(string? Text, IReadOnlyList<Locality> Offered) : IQuery<Locality?>;

public sealed class FindLocalityHandler(DirectiveFlowDbContext db) : IQueryHandler<FindLocalityQuery, Locality?>
{
    public async ValueTask<Locality?> Handle(FindLocalityQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            return null;
        }

        var value = query.Text.Trim();
        var byCode = await db.Localities.AsNoTracking().FirstOrDefaultAsync(l => l.Code == value, cancellationToken);
        if (byCode is not null)
        {
            return byCode;
        }

        var folded = SearchText.Fold(value);
        bool Named(Locality l) => SearchText.Fold(l.Name) == folded || SearchText.Fold(LocalityNames.Full(l)) == folded;
        return query.Offered.FirstOrDefault(Named) ?? (await db.Localities.AsNoTracking().ToListAsync(cancellationToken)).FirstOrDefault(Named);
    }
}
