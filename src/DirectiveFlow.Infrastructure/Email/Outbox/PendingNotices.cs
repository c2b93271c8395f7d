using System.Text;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// The list of notices a shared model carries until the dispatcher expands them (<see cref="Core.Email.OutboxModel.Notices"/>):
/// one line per notice, the task's id in 32 hex digits, a space, and the row's dedupe key.
/// </summary>
public static class PendingNotices
{
    public static void Append(StringBuilder list, Guid taskId, string dedupeKey) =>
        list.Append(taskId.ToString("N")).Append(' ').Append(dedupeKey).Append('\n');

    /// <summary>The notices of a list as written by <see cref="Append"/>; a line that does not read as one throws <see cref="InvalidDataException"/>.</summary>
    public static IEnumerable<(Guid TaskId, string DedupeKey)> Read(string list)
    {
        foreach (var line in list.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length < 34 || line[32] != ' ' || !Guid.TryParseExact(line.AsSpan(0, 32), "N", out var taskId))
            {
                throw new InvalidDataException($"Not a pending notice: '{line}'.");
            }

            yield return (taskId, line[33..]);
        }
    }
}
