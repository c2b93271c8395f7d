using System.Text.Json;
using System.Text.RegularExpressions;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// A model written once for many tasks (<see cref="Core.Email.OutboxModel"/>): it holds <see cref="TaskIdSentinel"/>
/// wherever the task's id goes and a JSON string sentinel wherever the task's title (and instructions), its unit's name, code and
/// head, or the recipient's name goes; <see cref="ForTask"/> puts one task's values in their place.
/// </summary>
public static class SharedModel
{
    public static readonly Guid TaskIdSentinel = new("d1d0c1a5-5e47-4c1a-9f00-5e471e5e47d1");

    public const string TitleSentinel = "DF5e47:task.title";
    public const string UnitNameSentinel = "DF5e47:unit.name";
    public const string UnitCodeSentinel = "DF5e47:unit.code";
    public const string UnitHeadNameSentinel = "DF5e47:unit.headName";
    public const string RecipientNameSentinel = "DF5e47:recipient.name";
    public const string InstructionsSentinel = "DF5e47:task.instructions";

    private static readonly string SentinelD = TaskIdSentinel.ToString();
    private static readonly string SentinelN = TaskIdSentinel.ToString("N");

    /// <summary>Every sentinel as it stands in the JSON (the strings with their quotes), found in one pass.</summary>
    private static readonly Regex Sentinels = new(
        string.Join('|', new[] { SentinelD, SentinelN }.Concat(
            new[] { TitleSentinel, UnitNameSentinel, UnitCodeSentinel, UnitHeadNameSentinel, RecipientNameSentinel, InstructionsSentinel }.Select(t => $"\"{t}\""))
            .Select(Regex.Escape)),
        RegexOptions.CultureInvariant);

    /// <summary>
    /// The model for one task: its id (in both the dashed and the plain form), and the other values JSON-encoded. One
    /// pass, so a value that happens to read like a sentinel is left as it is.
    /// </summary>
    public static string ForTask(string json, SharedModelValues task) => Sentinels.Replace(json, match => match.Value switch
    {
        var v when v == SentinelD => task.TaskId.ToString(),
        var v when v == SentinelN => task.TaskId.ToString("N"),
        $"\"{TitleSentinel}\"" => Json(task.Title),
        $"\"{UnitNameSentinel}\"" => Json(task.UnitName),
        $"\"{UnitCodeSentinel}\"" => Json(task.UnitCode),
        $"\"{UnitHeadNameSentinel}\"" => Json(task.UnitHeadName),
        $"\"{InstructionsSentinel}\"" => Json(task.Instructions ?? ""),
        _ => Json(task.RecipientName),
    });

    private static string Json(string? value) => JsonSerializer.Serialize(value, OutboxWriter.ModelJson);
}

/// <summary>One task's values for a <see cref="SharedModel"/> (its instructions only for the models that name them).</summary>
public sealed record SharedModelValues(
    Guid TaskId, string Title, string UnitName, string UnitCode, string? UnitHeadName, string RecipientName, string? Instructions = null);
