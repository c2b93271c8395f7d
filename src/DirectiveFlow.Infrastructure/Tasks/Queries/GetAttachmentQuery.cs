using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>An attachment's metadata, for a caller who may read its task (404 for everyone else).</summary>
public sealed record GetAttachmentQuery(Guid TaskId, Guid AttachmentId) : IQuery<TaskAttachment>;

public sealed class GetAttachmentHandler(DirectiveFlowDbContext db, TaskReadAccess access) : IQueryHandler<GetAttachmentQuery, TaskAttachment>
{
    public async ValueTask<TaskAttachment> Handle(GetAttachmentQuery query, CancellationToken cancellationToken)
    {
        await access.LoadAsync(query.TaskId, cancellationToken);
        return await db.Attachments.AsNoTracking()
                   .FirstOrDefaultAsync(a => a.Id == query.AttachmentId && a.TaskId == query.TaskId, cancellationToken)
               ?? throw ProblemException.NotFound(ErrorCodes.AttachmentNotFound);
    }
}
