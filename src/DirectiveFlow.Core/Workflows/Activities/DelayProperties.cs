using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>A Delay's settings: how long to wait, as a <see cref="DeadlineSpec"/>.</summary>
public sealed record DelayProperties(DeadlineSpec Deadline) : IHasDeadline
{
    DeadlineSpec? IHasDeadline.CountedDeadline => Deadline;

    public static DelayProperties From(ActivityDefinition activity) => Read(activity.Properties);

    public static DelayProperties Read(JsonObject properties) =>
        new(DeadlineSpec.Read(new PropertyReader(properties, ""), "deadline") ?? throw new ActivityPropertiesException("deadline", ErrorCodes.PropertyRequired));
}
