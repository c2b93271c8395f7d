using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>What the users' commands and queries share: loading an account with its roles, the checks that read the database, and the DTO.</summary>
public sealed class UserAccounts(DirectiveFlowDbContext db, UserManager<AppUser> users)
{
    public DirectiveFlowDbContext Db => db;

    public UserManager<AppUser> Users => users;

    /// <summary>The account (tracked, to be changed) and its roles; 404 when there is none.</summary>
    public async Task<(AppUser User, List<string> Roles)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound(ErrorCodes.UserNotFound);
        return (user, await RolesOfAsync([id], cancellationToken) is var roles && roles.TryGetValue(id, out var list) ? list : []);
    }

    public async Task<Dictionary<Guid, List<string>>> RolesOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var rows = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name!).OrderBy(Rank).ToList());
    }

    public async Task<List<UserDto>> ToDtosAsync(IReadOnlyList<AppUser> accounts, CancellationToken cancellationToken)
    {
        var ids = accounts.Select(a => a.Id).ToList();
        var roles = await RolesOfAsync(ids, cancellationToken);
        var unitIds = accounts.Where(a => a.UnitId is not null).Select(a => a.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        return accounts.Select(a =>
        {
            var unit = a.UnitId is { } unitId && units.TryGetValue(unitId, out var found) ? found : null;
            return new UserDto(a.Id, a.UserName ?? "", a.FullName, a.Position, a.Email, a.PhoneNumber, a.PreferredLanguage,
                a.UnitId, unit?.Code, unit?.Name, roles.TryGetValue(a.Id, out var r) ? r : [], a.IsActive);
        }).ToList();
    }

    public async Task<UserDto> ToDtoAsync(AppUser account, CancellationToken cancellationToken) =>
        (await ToDtosAsync([account], cancellationToken))[0];

    /// <summary>Reports an unknown or inactive unit on <c>unitId</c>.</summary>
    public async Task CheckUnitAsync(Guid? unitId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (unitId is { } id && !await db.Units.AnyAsync(u => u.Id == id && u.IsActive, cancellationToken))
        {
            errors.Add("unitId", ErrorCodes.UserUnitUnknown);
        }
    }

    /// <summary>Reports on <c>password</c> a password Identity's rules refuse (length, character classes).</summary>
    public async Task CheckPasswordAsync(AppUser account, string password, FieldErrors errors)
    {
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, account, password)).Succeeded)
            {
                errors.Add("password", ErrorCodes.PasswordWeak, users.Options.Password.RequiredLength);
                return;
            }
        }
    }

    /// <summary>409 when another account already has <paramref name="email"/> (compared as Identity normalizes it).</summary>
    public async Task CheckEmailFreeAsync(string email, Guid? except, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != except, cancellationToken))
        {
            throw ProblemException.Conflict(ErrorCodes.UserEmailTaken, email);
        }
    }

    /// <summary>Copies the checked input onto the account.</summary>
    public void Apply(AppUser account, UserInput input)
    {
        account.FullName = input.FullName!.Trim();
        account.Position = input.Position?.Trim() ?? "";
        account.Email = input.Email!.Trim();
        account.NormalizedEmail = users.NormalizeEmail(account.Email);
        account.PhoneNumber = string.IsNullOrWhiteSpace(input.PhoneNumber) ? null : input.PhoneNumber.Trim();
        account.PreferredLanguage = input.Language ?? "vi";
        account.UnitId = input.UnitId;
    }

    /// <summary>Roles in the order of <see cref="Identity.Roles.All"/>, so a list reads the same every time.</summary>
    private static int Rank(string role)
    {
        for (var i = 0; i < Identity.Roles.All.Count; i++)
        {
            if (Identity.Roles.All[i] == role)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>Throws a failed Identity result as a 400 on <paramref name="field"/>; Identity's words are English only, so its codes are kept.</summary>
    public static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw ProblemException.Invalid(field, ErrorCodes.InvalidInput);
        }
    }
}
