using System.Security.Claims;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Attachments;

/// <summary>A file's metadata, for a caller who may read the directive's files (<see cref="DirectiveFileAccess"/>); 404 for everyone else.</summary>
public sealed record GetDirectiveAttachmentQuery(Guid DirectiveId, Guid AttachmentId, ClaimsPrincipal User) : IQuery<DirectiveAttachment>;

public sealed class GetDirectiveAttachmentHandler(DirectiveFlowDbContext db) : IQueryHandler<GetDirectiveAttachmentQuery, DirectiveAttachment>
{
    public async ValueTask<DirectiveAttachment> Handle(GetDirectiveAttachmentQuery query, CancellationToken cancellationToken)
    {
        if (!await DirectiveFileAccess.MayReadAsync(db, query.User, query.DirectiveId, cancellationToken))
        {
            throw ProblemException.NotFound(ErrorCodes.DirectiveAttachmentNotFound);
        }

        return await db.DirectiveAttachments.AsNoTracking()
                   .FirstOrDefaultAsync(a => a.Id == query.AttachmentId && a.DirectiveId == query.DirectiveId, cancellationToken)
               ?? throw ProblemException.NotFound(ErrorCodes.DirectiveAttachmentNotFound);
    }
}
