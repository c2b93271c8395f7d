using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// A Cascade's completion rule: <c>{"mode": "all"}</c> (default), <c>{"mode": "percentage", "percent": 80}</c> or
/// <c>{"mode": "deadline", "deadline": Deadline}</c>. Open branches keep running after <c>Done</c> is taken.
/// </summary>
public sealed record CompletionRule(CompletionMode Mode, int? Percent = null, DeadlineSpec? Deadline = null)
{
    public static CompletionRule All { get; } = new(CompletionMode.All);

    /// <summary>How many finished branches out of <paramref name="expected"/> meet the rule (deadline mode: all of them,
    /// unless the deadline passes first). An empty cascade needs none.</summary>
    public int RequiredBranches(int expected) => Mode == CompletionMode.Percentage
        ? (int)Math.Ceiling(expected * (Percent ?? 100) / 100.0)
        : expected;

    /// <summary>Whether <paramref name="completed"/> finished branches out of <paramref name="expected"/> meet the rule.</summary>
    public bool IsMet(int expected, int completed) => completed >= RequiredBranches(expected);

    public static CompletionRule FromJson(JsonObject? json) => Read(new PropertyReader(json, ""));

    internal static CompletionRule Read(PropertyReader parent, string name) => Read(parent.Object(name));

    private static CompletionRule Read(PropertyReader reader)
    {
        if (reader.Node is null)
        {
            return All;
        }

        var mode = reader.String("mode") ?? "all";
        switch (mode.ToLowerInvariant())
        {
            case "all":
                return All;
            case "percentage":
                var percent = reader.Int("percent") ?? throw new ActivityPropertiesException(reader.PathOf("percent"), ErrorCodes.PropertyRequiredForMode, "percentage");
                return percent is < 1 or > 100
                    ? throw new ActivityPropertiesException(reader.PathOf("percent"), ErrorCodes.PropertyRange, 1, 100)
                    : new CompletionRule(CompletionMode.Percentage, percent);
            case "deadline":
                var deadline = DeadlineSpec.Read(reader, "deadline")
                    ?? throw new ActivityPropertiesException(reader.PathOf("deadline"), ErrorCodes.PropertyRequiredForMode, "deadline");
                return new CompletionRule(CompletionMode.Deadline, Deadline: deadline);
            default:
                throw new ActivityPropertiesException(reader.PathOf("mode"), ErrorCodes.PropertyOneOf, "all, percentage, deadline");
        }
    }
}
