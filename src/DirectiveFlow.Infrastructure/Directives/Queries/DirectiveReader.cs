using System.Security.Claims;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// Which directives a caller may read in the directive-wide views: administrators, and readers without a unit (an
/// observer of the whole deployment) and national units (Chính phủ…, who answer for the whole country), all of them;
/// anyone else those issued within their own province — with the national list imported, Đà Nẵng's issuers do not read
/// Hà Nội's directives, nor the national directives (their tasks in them reach them through the inbox).
/// </summary>
public sealed record DirectiveReader(Guid? ProvinceId)
{
    public static readonly DirectiveReader Everything = new((Guid?)null);

    /// <summary>The scope of the current request's caller (API endpoints and server-rendered pages).</summary>
    public static Task<DirectiveReader> ForAsync(DirectiveFlowDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        ForAsync(db, user.IsInRole(Roles.Administrator), user.UnitId, cancellationToken);

    /// <summary>The scope of <paramref name="user"/> (interactive components, which have no request to read).</summary>
    public static Task<DirectiveReader> ForAsync(DirectiveFlowDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ForAsync(db, user.IsInRole(Roles.Administrator), DirectiveFlowClaims.UnitIdOf(user), cancellationToken);

    private static async Task<DirectiveReader> ForAsync(DirectiveFlowDbContext db, bool administrator, Guid? unitId, CancellationToken cancellationToken) =>
        new(await Provinces.ReadingScopeAsync(db, administrator, unitId, cancellationToken));

    /// <summary>Whether <paramref name="user"/> may read directive <paramref name="directiveId"/> (false too when it does not exist).</summary>
    public static async Task<bool> ReadsAsync(DirectiveFlowDbContext db, ClaimsPrincipal user, Guid directiveId, CancellationToken cancellationToken) =>
        await (await ForAsync(db, user, cancellationToken)).Filter(db, db.Directives).AnyAsync(d => d.Id == directiveId, cancellationToken);

    public IQueryable<Directive> Filter(DirectiveFlowDbContext db, IQueryable<Directive> directives) =>
        ProvinceId is { } province ? Provinces.IssuedIn(db, directives, province) : directives;
}
