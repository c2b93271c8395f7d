using System.Text.Json.Nodes;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;
using DirectiveFlow.Infrastructure.Engine.Cascades;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>The engine's <see cref="IActivityRun"/>: one token of one step, writing through the step's context and transaction.</summary>
internal sealed class StepActivityRun(FlowStep step, ActivityDefinition activity, FlowScope scope, FlowWalker walker, FlowWalkerServices services)
    : IActivityRun
{
    public ActivityDefinition Activity => activity;

    public JsonObject Inputs => step.Directive.Inputs;

    public ConditionDirective Directive =>
        new(step.Directive.Number, step.Directive.Title, step.Directive.Priority.ToString());

    public DateTimeOffset Now => step.Now;

    public ConditionEvaluator Conditions => services.Conditions;

    public T Properties<T>()
        where T : class => step.Flow.Properties<T>(activity.Id);

    public async Task<ConditionUnit?> BranchUnitAsync(CancellationToken cancellationToken)
    {
        if (scope.UnitId is not { } unitId)
        {
            return null;
        }

        var target = await SelectorResolver.UnitAsync(step.Db, unitId, cancellationToken);
        return new ConditionUnit(target.Code, target.Name, OrgUnit.PillarCode(target.Pillar), UnitVocabulary.NameOf(target.Level));
    }

    public void Journal(string action, string? detail) => step.Journal(action, detail, activity.Id);

    public Task FollowAsync(string outcome, CancellationToken cancellationToken) =>
        walker.FollowAsync(step, activity.Id, outcome, scope, cancellationToken);

    public Task EndAsync(CancellationToken cancellationToken) => walker.EndTokenAsync(step, scope, cancellationToken);

    public Task AssignTaskAsync(CancellationToken cancellationToken) => services.Tasks.WriteAsync(step, activity.Id, scope, cancellationToken);

    public Task StartCascadeAsync(CancellationToken cancellationToken) =>
        services.Cascades.StartAsync(step, activity.Id, scope, walker, cancellationToken);

    public Task NotifyAsync(CancellationToken cancellationToken) => services.Notify.WriteAsync(step, activity, scope, cancellationToken);

    public DateTimeOffset WaitUntil(DeadlineSpec deadline)
    {
        var resumeAt = services.Deadlines.DueAt(deadline, step.Directive.Inputs, step.Now);
        step.Db.ActivityExecutions.Add(new ActivityExecution
        {
            Id = Guid.CreateVersion7(step.Now),
            InstanceId = step.InstanceId,
            ActivityId = activity.Id,
            ActivityType = activity.Type,
            ParentExecutionId = scope.CascadeExecutionId,
            UnitId = scope.UnitId,
            ItemNo = scope.ItemNo,
            Status = ActivityExecutionStatus.Waiting,
            ResumeAt = resumeAt,
            CreatedAt = step.Now,
        });
        return resumeAt;
    }
}
