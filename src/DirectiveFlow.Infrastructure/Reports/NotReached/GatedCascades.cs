using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine.Definitions;

namespace DirectiveFlow.Infrastructure.Reports.NotReached;

/// <summary>
/// Which Cascade a UnitTask's completion starts: the walk the engine takes from the task's Done port — through a Review
/// (Accepted), a Decision (True, then False), a Delay or a Notify (Done) — to the first Cascade. A path that meets
/// another UnitTask or an End first gates nothing (that task, when open, is the one that gates).
/// </summary>
public static class GatedCascades
{
    /// <summary>The id of the Cascade <paramref name="unitTaskId"/> gates, or null.</summary>
    public static string? After(CompiledWorkflow flow, string unitTaskId)
    {
        var queue = new Queue<string>(flow.Next(unitTaskId, Outcomes.Done));
        var seen = new HashSet<string>(StringComparer.Ordinal) { unitTaskId };
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            var type = flow.Activity(id).Type;
            if (type == ActivityTypes.Cascade)
            {
                return id;
            }

            string[] outcomes = type switch
            {
                ActivityTypes.Review => [Outcomes.Accepted],
                ActivityTypes.Decision => [Outcomes.True, Outcomes.False],
                ActivityTypes.Delay or ActivityTypes.Notify => [Outcomes.Done],
                _ => [],
            };
            foreach (var next in outcomes.SelectMany(o => flow.Next(id, o)))
            {
                queue.Enqueue(next);
            }
        }

        return null;
    }

    /// <summary>Every UnitTask of <paramref name="flow"/> that gates a Cascade, with that Cascade's id.</summary>
    public static Dictionary<string, string> Of(CompiledWorkflow flow) =>
        flow.Definition.Activities.Where(a => a.Type == ActivityTypes.UnitTask)
            .Select(a => (Task: a.Id, Cascade: After(flow, a.Id)))
            .Where(p => p.Cascade is not null)
            .ToDictionary(p => p.Task, p => p.Cascade!, StringComparer.Ordinal);
}
