using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Engine;

/// <summary>The "Engine" configuration section.</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>
    /// Branches written per transaction (the checkpoint interval) of a large cascade. 5,000 keeps a national cascade
    /// (~13,300) to three commits; measured with the cascade benchmark, 2,000 cost PostgreSQL about 0.5 on the COPY ratio.
    /// </summary>
    [Range(1, 100_000)]
    public int CascadeBatchSize { get; set; } = 5000;

    /// <summary>
    /// Cascades up to this many targets are written inside the step's own transaction; larger ones commit the cascade
    /// first and write their branches in checkpointed batches.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int InlineCascadeLimit { get; set; } = 2000;

    /// <summary>Write the batches of a large cascade in the background (the request returns once the cascade exists).</summary>
    public bool BackgroundCascades { get; set; } = true;

    /// <summary>
    /// How long a node holds a large cascade it is writing past its last batch (real time). A node that dies mid-cascade
    /// leaves it to the others once this has run out; a live writer renews it with every batch (well under a second).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CascadeLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often every node looks for cascades whose lease has run out and finishes them. With
    /// <see cref="CascadeLease"/> this bounds how long a dead node's cascade waits: at most the sum (45 seconds).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(15);
}
