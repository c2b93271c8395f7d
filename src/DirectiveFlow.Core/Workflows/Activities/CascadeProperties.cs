using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// A Cascade's settings: which units get a branch (<c>targets</c>), when <c>Done</c> is taken (<c>completion</c>), and
/// whether the issuer may narrow the targets to some of them when issuing (<c>narrowable</c>, default false).
/// </summary>
public sealed record CascadeProperties(Selector Targets, CompletionRule Completion) : IHasDeadline
{
    /// <summary>Whether the issuer may choose, when issuing, which of the selected units (or communes) the cascade reaches.</summary>
    public bool Narrowable { get; init; }

    DeadlineSpec? IHasDeadline.CountedDeadline => Completion.Deadline;

    public static CascadeProperties From(ActivityDefinition activity) => Read(activity.Properties);

    public static CascadeProperties Read(JsonObject properties)
    {
        var reader = new PropertyReader(properties, "");
        var targets = Selector.Read(reader, "targets") ?? throw new ActivityPropertiesException("targets", ErrorCodes.PropertyRequired);
        return new CascadeProperties(targets, CompletionRule.Read(reader, "completion"))
        {
            Narrowable = reader.Bool("narrowable") ?? false,
        };
    }
}
