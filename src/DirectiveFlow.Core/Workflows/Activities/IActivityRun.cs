using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// What an activity sees of the token that reached it, and the store it writes through. The engine implements it over
/// the step's transaction; a test implements it in memory, so an activity runs without a database.
/// </summary>
public interface IActivityRun
{
    /// <summary>The activity the token reached.</summary>
    ActivityDefinition Activity { get; }

    /// <summary>The activity's typed properties, as its handler read them.</summary>
    T Properties<T>()
        where T : class;

    /// <summary>The directive's inputs.</summary>
    JsonObject Inputs { get; }

    /// <summary>The directive as conditions see it.</summary>
    ConditionDirective Directive { get; }

    /// <summary>The step's clock reading.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The sandboxed condition evaluator.</summary>
    ConditionEvaluator Conditions { get; }

    /// <summary>The unit of the branch the token runs in, as conditions see it; null at the top level.</summary>
    Task<ConditionUnit?> BranchUnitAsync(CancellationToken cancellationToken);

    /// <summary>Appends a journal row about this activity to the step.</summary>
    void Journal(string action, string? detail);

    /// <summary>Moves the token out through <paramref name="outcome"/> (no connection ends it).</summary>
    Task FollowAsync(string outcome, CancellationToken cancellationToken);

    /// <summary>Ends the token explicitly: its branch, or the instance at the top level.</summary>
    Task EndAsync(CancellationToken cancellationToken);

    /// <summary>Writes the unit task(s) of a UnitTask activity; the token rests on the task's bookmark.</summary>
    Task AssignTaskAsync(CancellationToken cancellationToken);

    /// <summary>Starts a Cascade: resolves its targets and writes its join and branches; the token rests on the join.</summary>
    Task StartCascadeAsync(CancellationToken cancellationToken);

    /// <summary>Writes an outbox email as a Notify's properties say.</summary>
    Task NotifyAsync(CancellationToken cancellationToken);

    /// <summary>Leaves a waiting bookmark woken when <paramref name="deadline"/> has passed; returns the wake-up time.</summary>
    DateTimeOffset WaitUntil(DeadlineSpec deadline);
}
