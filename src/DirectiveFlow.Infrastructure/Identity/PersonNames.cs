using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>
/// Who a record's user name stands for, as every task screen shows it: a person as "Trần Văn Minh (Chuyên viên) –
/// UBND phường Hoàn Kiếm", a unit's own account (no position) as its unit's name. The system and unknown names stay
/// as they are for the screen to word (<see cref="Name"/> gives null for the system). Loaded in one query for all the
/// names of a page.
/// </summary>
public sealed class PersonNames
{
    /// <summary>The actor the engine, the sweep and the outbox write.</summary>
    public const string SystemActor = "system";

    public static readonly PersonNames None = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly IReadOnlyDictionary<string, string> _names;

    private PersonNames(IReadOnlyDictionary<string, string> names) => _names = names;

    /// <summary>The people behind <paramref name="userNames"/>, with their units, in one query.</summary>
    public static async Task<PersonNames> LoadAsync(DirectiveFlowDbContext db, IEnumerable<string?> userNames, CancellationToken cancellationToken)
    {
        var wanted = userNames.OfType<string>().Where(n => n.Length > 0 && n != SystemActor).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return None;
        }

        var rows = await (
                from user in db.Users.AsNoTracking()
                where wanted.Contains(user.UserName!)
                join unit in db.Units on user.UnitId equals unit.Id into units
                from unit in units.DefaultIfEmpty()
                select new { user.UserName, user.FullName, user.Position, UnitName = unit == null ? null : unit.Name })
            .ToListAsync(cancellationToken);
        return new PersonNames(rows.Where(r => r.UserName is not null)
            .ToDictionary(r => r.UserName!, r => Display(r.FullName, r.Position, r.UnitName, r.UserName!), StringComparer.Ordinal));
    }

    /// <summary>
    /// How <paramref name="userName"/> reads: the person, their unit's name for a unit's own account, the name itself
    /// when no account has it, null for the system (the screen says "Hệ thống" / "System").
    /// </summary>
    public string? Name(string? userName) =>
        string.IsNullOrWhiteSpace(userName) || userName == SystemActor ? null
        : _names.TryGetValue(userName, out var name) ? name
        : userName;

    /// <summary>A person with their position and unit; an account without a position (a unit's own) as its unit.</summary>
    public static string Display(string? fullName, string? position, string? unitName, string userName)
    {
        var person = string.IsNullOrWhiteSpace(fullName) ? userName : fullName.Trim();
        if (string.IsNullOrWhiteSpace(position))
        {
            return unitName ?? person;
        }

        var withPosition = $"{person} ({position.Trim()})";
        return unitName is null ? withPosition : $"{withPosition} – {unitName}";
    }
}
