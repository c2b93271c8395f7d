using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Infrastructure.Demo;

/// <summary>
/// Creates the demo logins that are missing: <c>admin</c>, <c>observer</c>, per unit an officer (username = unit
/// code) and a head (<c>code.head</c>), and the named people of <see cref="DemoPeople"/> whose units exist. The password is hashed once and the hash shared: PBKDF2 per account would take
/// minutes for the 13,300 units of the national list.
/// </summary>
public sealed class DemoAccountProvisioner(
    DirectiveFlowDbContext db,
    IPasswordHasher<AppUser> hasher,
    ILookupNormalizer normalizer,
    IOptions<DemoOptions> options,
    ILogger<DemoAccountProvisioner> logger) : IUnitAccountProvisioner
{
    public const string AdminUserName = "admin";
    public const string ObserverUserName = "observer";

    public static string HeadUserName(string unitCode) => unitCode + ".head";

    /// <summary>Returns how many accounts were created; does nothing unless demo mode is on.</summary>
    public async Task<int> EnsureAccountsAsync(CancellationToken cancellationToken = default)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return 0;
        }

        var roleIds = await RoleSeeder.EnsureAsync(db, normalizer, cancellationToken);
        await FillHeadEmailsAsync(demo.EmailDomain, cancellationToken);

        var existing = (await db.Users.AsNoTracking().Select(u => u.NormalizedUserName!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, u.Code, u.Name, u.Level, u.Kind, u.HeadName })
            .ToListAsync(cancellationToken);

        var hash = hasher.HashPassword(new AppUser(), demo.Password);
        var wanted = new List<(AppUser User, string[] Roles)>
        {
            (NewUser(AdminUserName, "Quản trị hệ thống", null, demo, hash), [Roles.Administrator]),
            (NewUser(ObserverUserName, "Người theo dõi", null, demo, hash), [Roles.Observer]),
        };
        foreach (var unit in units)
        {
            // National and city/province pillar units issue directives to the levels below them.
            var issues = unit.Level is UnitLevel.Province or UnitLevel.National && unit.Kind == OrgUnitKind.PillarUnit;
            string[] officerRoles = issues ? [Roles.UnitOfficer, Roles.Issuer] : [Roles.UnitOfficer];
            string[] headRoles = issues ? [Roles.UnitHead, Roles.Issuer] : [Roles.UnitHead];
            wanted.Add((NewUser(unit.Code, "Cán bộ " + unit.Name, unit.Id, demo, hash), officerRoles));
            wanted.Add((NewUser(HeadUserName(unit.Code), unit.HeadName ?? "Lãnh đạo " + unit.Name, unit.Id, demo, hash), headRoles));
            foreach (var person in DemoPeople.All.Where(p => p.UnitCode == unit.Code))
            {
                var account = NewUser(person.UserName, person.FullName, unit.Id, demo, hash);
                account.Position = person.Position;
                account.PhoneNumber = person.Phone;
                wanted.Add((account, DemoPeople.RolesOf(person, issues)));
            }
        }

        var users = new List<AppUser>();
        var links = new List<IdentityUserRole<Guid>>();
        foreach (var (user, roles) in wanted.Where(w => existing.Add(w.User.NormalizedUserName!)))
        {
            users.Add(user);
            links.AddRange(roles.Select(role => new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[role] }));
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await BulkInsert.InsertAsync(db, users, cancellationToken);
            await BulkInsert.InsertAsync(db, links, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var created = users.Count;
        if (created > 0)
        {
            logger.LogInformation("Demo mode: created {Count} demo accounts.", created);
        }

        return created;
    }

    private AppUser NewUser(string userName, string fullName, Guid? unitId, DemoOptions demo, string hash)
    {
        var email = $"{userName.ToLowerInvariant()}@{demo.EmailDomain}";
        return new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            NormalizedUserName = normalizer.NormalizeName(userName),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true,
            PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            FullName = fullName,
            UnitId = unitId,
        };
    }

    /// <summary>Gives every unit without a head email a demo address, so reminders and escalations have somewhere to go.</summary>
    private Task<int> FillHeadEmailsAsync(string domain, CancellationToken cancellationToken)
    {
        var suffix = ".head@" + domain;
        return db.Units.Where(u => u.HeadEmail == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadEmail, u => u.Code.ToLower() + suffix), cancellationToken);
    }
}
