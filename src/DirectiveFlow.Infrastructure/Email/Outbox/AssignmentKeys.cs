namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// The dedupe keys of the notices that give a task to a unit: the lead unit's ("assigned", or "returned" when it comes
/// back for rework) and each supporting unit's, which names that unit (the dispatcher addresses the row to it). Each
/// ends with the task's version, so a later return is a new notice and a re-run of the same write is not.
/// </summary>
public static class AssignmentKeys
{
    private const string SupportingPrefix = "supporting:";

    public static string Lead(string template, int version) => $"{template}:{version}";

    public static string Supporting(Guid unitId, int version) => $"{SupportingPrefix}{unitId:N}:{version}";

    /// <summary>The supporting unit a row's key names; null for any other key.</summary>
    public static Guid? SupportingUnitOf(string dedupeKey) =>
        dedupeKey.Length >= SupportingPrefix.Length + 32
        && dedupeKey.StartsWith(SupportingPrefix, StringComparison.Ordinal)
        && Guid.TryParseExact(dedupeKey.AsSpan(SupportingPrefix.Length, 32), "N", out var unitId)
            ? unitId
            : null;
}
