using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Addressing;

/// <summary>
/// Who a flow's Notify activity writes to (its <c>to</c>, <see cref="NotifyRecipients"/>), by the directory's rules
/// (<see cref="MailRecipients"/>): the branch unit's head, its officers, the directive's issuer (the user who issued it,
/// else the issuing unit's head), or the users holding an Identity role at the issuing unit. Only active accounts are
/// written to: a deactivated issuer is stood for by the issuing unit's head.
/// </summary>
public static class NotifyAddressing
{
    public static async Task<MailRecipients> RecipientsAsync(
        DirectiveFlowDbContext db, string to, string? identityRole, Guid unitId, Guid issuingUnitId, string issuedBy,
        CancellationToken cancellationToken)
    {
        if (identityRole is { } role)
        {
            var holders = await (from user in db.Users
                                 join userRole in db.UserRoles on user.Id equals userRole.UserId
                                 join r in db.Roles on userRole.RoleId equals r.Id
                                 where r.Name == role && user.UnitId == issuingUnitId && user.IsActive
                                 select user.Email).ToListAsync(cancellationToken);
            return MailRecipients.Named(holders, role);
        }

        if (to == NotifyRecipients.Issuer)
        {
            var issuer = await db.Users.AsNoTracking().Where(u => u.UserName == issuedBy && u.IsActive)
                .Select(u => new { u.Email, u.FullName }).FirstOrDefaultAsync(cancellationToken);
            if (issuer?.Email is { Length: > 0 } email)
            {
                return MailRecipients.Named([email], issuer.FullName is { Length: > 0 } name ? name : issuedBy);
            }

            return await UnitAsync(db, issuingUnitId, MailRecipients.Head, cancellationToken);
        }

        return await UnitAsync(db, unitId, to == NotifyRecipients.UnitOfficers ? MailRecipients.Officers : MailRecipients.Head, cancellationToken);
    }

    private static async Task<MailRecipients> UnitAsync(
        DirectiveFlowDbContext db, Guid unitId, Func<MailUnit, MailRecipients> rule, CancellationToken cancellationToken) =>
        (await MailDirectory.UnitsAsync(db, [unitId], cancellationToken)).TryGetValue(unitId, out var unit) ? rule(unit) : MailRecipients.None;
}
