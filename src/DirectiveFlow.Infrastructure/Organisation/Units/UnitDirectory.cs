using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>Reads organisation units: filtered pages for lists and pickers, one unit by id.</summary>
public sealed class UnitDirectory(DirectiveFlowDbContext db)
{
    public async Task<PagedResult<UnitDto>> ListAsync(UnitFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = db.Units.AsNoTracking();
        if (filter.Pillar is { } pillar)
        {
            query = query.Where(u => u.Pillar == pillar);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(u => u.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(filter.LocalityCode))
        {
            query = query.Where(u => u.LocalityCode == filter.LocalityCode);
        }

        if (filter.ParentId is { } parentId)
        {
            query = query.Where(u => u.ParentId == parentId);
        }

        if (filter.IsActive is { } active)
        {
            query = query.Where(u => u.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // Against the stored folded key (OrgUnit.SearchKey): neither case nor diacritics have to match, on every
            // provider (SQLite's lower() folds only ASCII, so "đình" never met "Đình" there).
            var text = SearchText.Fold(filter.Text.Trim());
            query = query.Where(u => u.SearchKey.Contains(text));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(u => u.Level == UnitLevel.Province ? 0 : u.Level == UnitLevel.Commune ? 1 : 2).ThenBy(u => u.Code)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(UnitDto.Projection)
            .ToListAsync(cancellationToken);
        return new PagedResult<UnitDto>(items, total, page.Page, page.PageSize);
    }

    public Task<UnitDto?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Units.AsNoTracking().Where(u => u.Id == id).Select(UnitDto.Projection).FirstOrDefaultAsync(cancellationToken);
}
