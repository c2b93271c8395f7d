using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>
/// One province's units for the admin units screen: its own pillar units, then each commune's, with their sub-units,
/// heads (the accounts with <see cref="Roles.UnitHead"/> of the unit) and contacts. <paramref name="Text"/> keeps the
/// units whose code or name (or commune's) contains it, with the units above them so the tree still reads.
/// <paramref name="ProvinceCode"/> null or unknown means the first province by code.
/// </summary>
public sealed record UnitTreeQuery(string? ProvinceCode, string? Text) : IQuery<UnitTree>;

public sealed class UnitTreeHandler(DirectiveFlowDbContext db) : IQueryHandler<UnitTreeQuery, UnitTree>
{
    public async ValueTask<UnitTree> Handle(UnitTreeQuery query, CancellationToken cancellationToken)
    {
        var provinces = await db.Localities.AsNoTracking().Where(l => l.ParentId == null).OrderBy(l => l.Code)
            .Select(l => new UnitTreeProvince(l.Id, l.Code, l.Name)).ToListAsync(cancellationToken);
        var province = provinces.FirstOrDefault(p => p.Code == query.ProvinceCode?.Trim()) ?? provinces.FirstOrDefault();
        if (province is null)
        {
            return new UnitTree(provinces, null, []);
        }

        var localities = await db.Localities.AsNoTracking().Where(l => l.Id == province.Id || l.ParentId == province.Id)
            .ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var localityIds = localities.Keys.ToList();
        var units = await db.Units.AsNoTracking().Where(u => localityIds.Contains(u.LocalityId)).ToListAsync(cancellationToken);
        var heads = await HeadsAsync(units.Select(u => u.Id).ToList(), cancellationToken);
        var nodes = units
            .Select(u => new UnitTreeNode(u.Id, u.Code, u.Name, u.Pillar, u.Level, u.Kind, u.ParentId, u.LocalityId, u.LocalityCode,
                localities[u.LocalityId], u.ContactEmails, u.IsActive, HeadsOf(u, heads)))
            .OrderBy(n => n.Level == UnitLevel.Province ? 0 : 1).ThenBy(n => n.LocalityCode, StringComparer.Ordinal)
            .ThenBy(n => n.Pillar).ThenBy(n => n.Code, StringComparer.Ordinal)
            .ToList();
        return new UnitTree(provinces, province.Code, Filter(nodes, query.Text));
    }

    private static List<UnitTreeNode> Filter(List<UnitTreeNode> nodes, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return nodes;
        }

        var needle = text.Trim();
        var folded = SearchText.Fold(needle);
        var byId = nodes.ToDictionary(n => n.Id);
        var kept = new HashSet<Guid>();
        foreach (var node in nodes.Where(n => Matches(n, needle, folded)))
        {
            // The unit and every unit above it in its own locality, so a matching sub-unit keeps its parents.
            for (var current = node; current is not null && current.LocalityId == node.LocalityId && kept.Add(current.Id);)
            {
                current = current.ParentId is { } parentId ? byId.GetValueOrDefault(parentId) : null;
            }
        }

        return nodes.Where(n => kept.Contains(n.Id)).ToList();
    }

    /// <summary>Whether the unit's code, name or locality holds <paramref name="folded"/> (the text as <see cref="SearchText.Fold"/> makes it), or its locality code is the text.</summary>
    private static bool Matches(UnitTreeNode node, string needle, string folded) =>
        SearchText.Fold(node.Code).Contains(folded, StringComparison.Ordinal) || SearchText.Fold(node.Name).Contains(folded, StringComparison.Ordinal)
        || SearchText.Fold(node.LocalityName).Contains(folded, StringComparison.Ordinal) || node.LocalityCode == needle;

    private async Task<ILookup<Guid, UnitHead>> HeadsAsync(List<Guid> unitIds, CancellationToken cancellationToken)
    {
        var headRole = db.Roles.Where(r => r.Name == Roles.UnitHead).Select(r => r.Id);
        var heads = await db.Users.AsNoTracking()
            .Where(u => u.UnitId != null && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && headRole.Contains(ur.RoleId)))
            .Select(u => new { UnitId = u.UnitId!.Value, u.FullName, u.UserName, u.Position })
            .ToListAsync(cancellationToken);
        var wanted = unitIds.ToHashSet();
        return heads.Where(h => wanted.Contains(h.UnitId))
            .OrderBy(h => h.FullName, StringComparer.CurrentCulture)
            .ToLookup(h => h.UnitId, h => new UnitHead(string.IsNullOrWhiteSpace(h.FullName) ? h.UserName ?? "" : h.FullName, h.Position));
    }

    /// <summary>The unit's head accounts; a unit without one shows the head recorded on the unit itself, if any.</summary>
    private static List<UnitHead> HeadsOf(OrgUnit unit, ILookup<Guid, UnitHead> heads) =>
        heads[unit.Id].ToList() is { Count: > 0 } people ? people
            : unit.HeadName is { Length: > 0 } name ? [new UnitHead(name, "")]
            : [];
}
