using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Engine.Notices;

/// <summary>
/// The notices in the outbox, completed and rendered as the dispatcher would before sending them: first, as a dispatch
/// starts, the lists cascades left on their shared models are made rows (<see cref="NoticeExpansion"/>).
/// </summary>
public static class SentNotices
{
    public static readonly string[] Templates = [EmailTemplates.Assigned, EmailTemplates.Supporting, EmailTemplates.Returned];

    public static async Task<List<OutboxMessage>> RowsAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        await ExpandAllAsync(db, cancellationToken);
        return await db.Outbox.AsNoTracking().Where(m => Templates.Contains(m.Template!)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Every list of notices made rows, as dispatches would (each takes <see cref="NoticeExpansion.ModelsPerDispatch"/>).</summary>
    public static async Task ExpandAllAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken)
    {
        while (await db.OutboxModels.AnyAsync(m => m.NoticeCount > 0, cancellationToken))
        {
            await NoticeExpansion.ExpandAsync(db, TimeProvider.System.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Each row addressed and rendered in <paramref name="language"/>: (row, email).</summary>
    public static async Task<List<(OutboxMessage Row, RenderedEmail Email)>> RenderAsync(
        DirectiveFlowDbContext db, IReadOnlyList<OutboxMessage> rows, string language, CancellationToken cancellationToken)
    {
        var shared = await SharedModelRows.LoadAsync(db, rows, cancellationToken);
        var renderer = new EmailRenderer(new EmailTemplateStore());
        var rendered = new List<(OutboxMessage, RenderedEmail)>(rows.Count);
        foreach (var row in rows)
        {
            shared.Address(row);
            shared.Complete(row, language);
            rendered.Add((row, renderer.Render(row.Template!, language, row.ModelJson)));
        }

        return rendered;
    }
}
