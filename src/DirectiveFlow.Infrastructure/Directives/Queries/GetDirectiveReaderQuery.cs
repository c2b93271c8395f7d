using System.Security.Claims;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// Which directives <paramref name="Caller"/> may read in the directive-wide views (<see cref="DirectiveReader"/>);
/// without one, the current request's caller (an interactive component, which has no request, passes its user).
/// </summary>
public sealed record GetDirectiveReaderQuery(ClaimsPrincipal? Caller = null) : IQuery<DirectiveReader>;

public sealed class GetDirectiveReaderHandler(DirectiveFlowDbContext db, ICurrentUser user) : IQueryHandler<GetDirectiveReaderQuery, DirectiveReader>
{
    public async ValueTask<DirectiveReader> Handle(GetDirectiveReaderQuery query, CancellationToken cancellationToken) =>
        query.Caller is { } caller
            ? await DirectiveReader.ForAsync(db, caller, cancellationToken)
            : await DirectiveReader.ForAsync(db, user, cancellationToken);
}
