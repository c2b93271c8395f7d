using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;
using DirectiveFlow.Infrastructure.Engine.Cascades;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>What the walker hands activities through <see cref="StepActivityRun"/>: the registered activity types and
/// the writers behind the store operations of <see cref="IActivityRun"/>.</summary>
public sealed record FlowWalkerServices(
    ActivityCatalog Activities, UnitTaskWriter Tasks, CascadeStarter Cascades, NotifyWriter Notify, ConditionEvaluator Conditions,
    DeadlineCalculator Deadlines);
