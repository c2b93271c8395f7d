using System.Text.Json.Serialization;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Reports.NotReached;

/// <summary>
/// An open upstream task that gates a cascade: its unit (responsible for the units not reached), how late it is in
/// working days (0 while within its deadline) and how many units its next cascade would reach if it ran now
/// (<see cref="UnitsWaiting"/>, resolved from the flow's target selector at the time of asking, within the caller's
/// scope). The ignored properties are for pages and the overview, not the API contract.
/// </summary>
public sealed record NotReachedItem(Guid UpstreamTaskId, Guid UnitId, string UnitName, int DaysOverdue, int UnitsWaiting)
{
    [JsonIgnore]
    public Guid DirectiveId { get; init; }

    [JsonIgnore]
    public string UnitCode { get; init; } = "";

    [JsonIgnore]
    public Pillar Pillar { get; init; }

    [JsonIgnore]
    public UnitLevel Level { get; init; }

    [JsonIgnore]
    public DateTimeOffset DueAt { get; init; }

    /// <summary>The Cascade activity the task gates.</summary>
    [JsonIgnore]
    public string CascadeActivityId { get; init; } = "";
}
