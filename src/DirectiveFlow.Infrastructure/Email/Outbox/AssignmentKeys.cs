namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// The dedupe keys of the notices that give a task to a unit: the lead unit's ("assigned", or "returned" when it comes
/// back for rework) and each supporting unit's, which names that unit (the dispatcher addresses the row to it). Each
/// ends with the task's version, so a later return is a new notice and a re-run of the same write is not.
/// </summary>
public static class AssignmentKeys
{
    private const string SupportingPrefix = "supporting:";

    private const string WithdrawnSupportingPrefix = "withdrawn-supporting:";

    public static string Lead(string template, int version) => $"{template}:{version}";

    public static string Supporting(Guid unitId, int version) => $"{SupportingPrefix}{unitId:N}:{version}";

    /// <summary>A supporting unit's notice that the task's directive was withdrawn, with the task's version after its cancellation.</summary>
    public static string WithdrawnSupporting(Guid unitId, int version) => $"{WithdrawnSupportingPrefix}{unitId:N}:{version}";

    /// <summary>The supporting unit a row's key names (<see cref="Supporting"/>, <see cref="WithdrawnSupporting"/>); null for any other key.</summary>
    public static Guid? SupportingUnitOf(string dedupeKey) =>
        UnitAfter(dedupeKey, SupportingPrefix) ?? UnitAfter(dedupeKey, WithdrawnSupportingPrefix);

    private static Guid? UnitAfter(string dedupeKey, string prefix) =>
        dedupeKey.Length >= prefix.Length + 32
        && dedupeKey.StartsWith(prefix, StringComparison.Ordinal)
        && Guid.TryParseExact(dedupeKey.AsSpan(prefix.Length, 32), "N", out var unitId)
            ? unitId
            : null;
}
