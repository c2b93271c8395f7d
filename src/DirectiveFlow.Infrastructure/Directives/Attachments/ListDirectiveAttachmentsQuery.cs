using System.Security.Claims;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Attachments;

/// <summary>
/// The signed document's files in upload order; empty for a caller who may not read them (<see cref="DirectiveFileAccess"/>),
/// or for everyone when <paramref name="User"/> is null and the caller has already been checked (the directive page).
/// </summary>
public sealed record ListDirectiveAttachmentsQuery(Guid DirectiveId, ClaimsPrincipal? User = null) : IQuery<IReadOnlyList<DirectiveAttachmentDto>>;

/// <remarks>
/// A context of its own: the list is a component beside others on the directive and task pages, and static rendering
/// runs sibling components' loads at the same time, which one shared context does not allow.
/// </remarks>
public sealed class ListDirectiveAttachmentsHandler(IDbContextFactory<DirectiveFlowDbContext> contexts) : IQueryHandler<ListDirectiveAttachmentsQuery, IReadOnlyList<DirectiveAttachmentDto>>
{
    public async ValueTask<IReadOnlyList<DirectiveAttachmentDto>> Handle(ListDirectiveAttachmentsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (query.User is { } user && !await DirectiveFileAccess.MayReadAsync(db, user, query.DirectiveId, cancellationToken))
        {
            return [];
        }

        return await ReadAsync(db, query.DirectiveId, cancellationToken);
    }

    /// <summary>The files of <paramref name="directiveId"/>, unchecked (for a caller that already checked).</summary>
    public static async Task<IReadOnlyList<DirectiveAttachmentDto>> ReadAsync(DirectiveFlowDbContext db, Guid directiveId, CancellationToken cancellationToken)
    {
        var rows = await db.DirectiveAttachments.AsNoTracking().Where(a => a.DirectiveId == directiveId)
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a DateTimeOffset column.
        return rows.OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName, StringComparer.Ordinal).Select(DirectiveAttachmentDto.Of).ToList();
    }
}
