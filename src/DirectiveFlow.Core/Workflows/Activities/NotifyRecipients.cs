namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>Whom a Notify writes to: the branch unit's head or officers, the issuing unit, or every user in a role.</summary>
public static class NotifyRecipients
{
    public const string UnitHead = "unitHead";
    public const string UnitOfficers = "unitOfficers";
    public const string Issuer = "issuer";

    /// <summary>Prefix of a role recipient, e.g. <c>role:Issuer</c>.</summary>
    public const string RolePrefix = "role:";

    public static readonly IReadOnlyList<string> Fixed = [UnitHead, UnitOfficers, Issuer];

    public static bool IsValid(string to) =>
        Fixed.Contains(to) || (to.StartsWith(RolePrefix, StringComparison.Ordinal) && to.Length > RolePrefix.Length);
}
