namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>The five roles; a user has one or more.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Issuer = nameof(Issuer);
    public const string UnitOfficer = nameof(UnitOfficer);
    public const string UnitHead = nameof(UnitHead);
    public const string Observer = nameof(Observer);

    public static readonly IReadOnlyList<string> All = [Administrator, Issuer, UnitOfficer, UnitHead, Observer];

    /// <summary>The roles that may be given a task of their unit (its officers and heads).</summary>
    public static readonly string[] Assignable = [UnitOfficer, UnitHead];

    /// <summary>Whether an account with <paramref name="roles"/> may be given a task of its unit.</summary>
    public static bool MayBeAssigned(IEnumerable<string> roles) => roles.Any(Assignable.Contains);
}
