using System.Text.Json;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// A model written once for many tasks (<see cref="Core.Email.OutboxModel"/>): it holds <see cref="TaskIdSentinel"/>
/// wherever the task's id goes and <see cref="TitleSentinel"/> (as a JSON string) for its title, and
/// <see cref="ForTask"/> puts one task's values in their place.
/// </summary>
public static class SharedModel
{
    public static readonly Guid TaskIdSentinel = new("d1d0c1a5-5e47-4c1a-9f00-5e471e5e47d1");

    public const string TitleSentinel = "DFTITLE5e471e5e47d1";

    private static readonly string SentinelD = TaskIdSentinel.ToString();
    private static readonly string SentinelN = TaskIdSentinel.ToString("N");
    private static readonly string TitleToken = $"\"{TitleSentinel}\"";

    /// <summary>The model for one task: its id (in both the dashed and the plain form) and its title, JSON-quoted.</summary>
    public static string ForTask(string json, Guid taskId, string title) => json
        .Replace(SentinelD, taskId.ToString(), StringComparison.Ordinal)
        .Replace(SentinelN, taskId.ToString("N"), StringComparison.Ordinal)
        .Replace(TitleToken, JsonSerializer.Serialize(title, OutboxWriter.ModelJson), StringComparison.Ordinal);
}
