using System.Security.Claims;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Attachments;

/// <summary>
/// Who may see and who may change a directive's signed document. Reading: whoever reads the directive-wide views
/// (<see cref="DirectiveReader"/>: administrators, observers, issuers in its province) and every unit that leads,
/// supports or assigned one of its tasks — the document is what they work from. Changing: the issuing unit's issuers
/// and administrators (<see cref="IssueRule.MayIssueFor"/>).
/// </summary>
public static class DirectiveFileAccess
{
    /// <summary>Whether <paramref name="user"/> may read directive <paramref name="directiveId"/>'s files (false too when it does not exist).</summary>
    public static async Task<bool> MayReadAsync(DirectiveFlowDbContext db, ClaimsPrincipal user, Guid directiveId, CancellationToken cancellationToken) =>
        await ReadsWholeAsync(db, user, directiveId, cancellationToken) || await TakesPartAsync(db, user, directiveId, cancellationToken);

    /// <summary>Whether <paramref name="user"/>'s unit leads, supports or assigned one of the directive's tasks.</summary>
    public static async Task<bool> TakesPartAsync(DirectiveFlowDbContext db, ClaimsPrincipal user, Guid directiveId, CancellationToken cancellationToken)
    {
        if (DirectiveFlowClaims.UnitIdOf(user) is not { } unit)
        {
            return false;
        }

        return await db.Tasks.AnyAsync(t => t.DirectiveId == directiveId
            && (t.UnitId == unit || t.AssignerUnitId == unit || db.TaskSupportingUnits.Any(s => s.TaskId == t.Id && s.UnitId == unit)), cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="user"/> reads directive <paramref name="directiveId"/>'s directive-wide views
    /// (<see cref="DirectiveReader"/>), where a unit taking part reads only its own part.
    /// </summary>
    public static async Task<bool> ReadsWholeAsync(DirectiveFlowDbContext db, ClaimsPrincipal user, Guid directiveId, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator) && !user.IsInRole(Roles.Observer) && !user.IsInRole(Roles.Issuer))
        {
            return false;
        }

        var reader = await DirectiveReader.ForAsync(db, user, cancellationToken);
        return await reader.Filter(db, db.Directives).AnyAsync(d => d.Id == directiveId, cancellationToken);
    }

    /// <summary>The directive, when it exists and <paramref name="user"/> may change its files; 404 or 403 otherwise.</summary>
    public static async Task<Directive> LoadForChangeAsync(DirectiveFlowDbContext db, ClaimsPrincipal? user, Guid directiveId, CancellationToken cancellationToken)
    {
        var directive = await db.Directives.AsNoTracking().FirstOrDefaultAsync(d => d.Id == directiveId, cancellationToken)
            ?? throw ProblemException.NotFound(ErrorCodes.DirectiveNotFound, directiveId);
        if (user is not null && !IssueRule.MayIssueFor(user, directive.IssuingUnitId))
        {
            // Someone who cannot even read it learns nothing of its existence.
            throw await MayReadAsync(db, user, directiveId, cancellationToken)
                ? ProblemException.Forbidden(ErrorCodes.DirectiveAttachmentForbidden)
                : ProblemException.NotFound(ErrorCodes.DirectiveNotFound, directiveId);
        }

        return directive;
    }
}
