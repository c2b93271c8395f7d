namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>The unit as saved, or the field errors (400), or that it does not exist (404).</summary>
public sealed record UnitEditResult(UnitDto? Unit, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false)
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public static UnitEditResult Saved(UnitDto unit) => new(unit, NoErrors);

    public static UnitEditResult Invalid(Dictionary<string, string[]> errors) => new(null, errors);

    public static readonly UnitEditResult Missing = new(null, NoErrors, NotFound: true);
}
