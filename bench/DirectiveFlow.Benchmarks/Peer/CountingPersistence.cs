using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>
/// A WorkflowCore store (its in-memory one or <see cref="SqlPersistenceProvider"/>), passed through unchanged, except that every event subscription it stores is
/// counted (<see cref="PeerCounters.Waiting"/>): a stored subscription is a unit's task that can now be completed.
/// </summary>
internal sealed class CountingPersistence(IPersistenceProvider inner) : IPersistenceProvider
{
    public bool SupportsScheduledCommands => inner.SupportsScheduledCommands;

    public Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) => inner.CreateNewWorkflow(workflow, cancellationToken);

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) => inner.PersistWorkflow(workflow, cancellationToken);

    public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        await inner.PersistWorkflow(workflow, subscriptions, cancellationToken);
        PeerCounters.Wait(subscriptions.Count);
    }

    public Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default) => inner.GetRunnableInstances(asAt, cancellationToken);

    [Obsolete("Obsolete in WorkflowCore's interface; passed through.")]
    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
        inner.GetWorkflowInstances(status, type, createdFrom, createdTo, skip, take);

    public Task<WorkflowInstance> GetWorkflowInstance(string id, CancellationToken cancellationToken = default) => inner.GetWorkflowInstance(id, cancellationToken);

    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default) => inner.GetWorkflowInstances(ids, cancellationToken);

    public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        var id = await inner.CreateEventSubscription(subscription, cancellationToken);
        PeerCounters.Wait(1);
        return id;
    }

    public Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        inner.GetSubscriptions(eventName, eventKey, asOf, cancellationToken);

    public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) => inner.TerminateSubscription(eventSubscriptionId, cancellationToken);

    public Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) => inner.GetSubscription(eventSubscriptionId, cancellationToken);

    public Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        inner.GetFirstOpenSubscription(eventName, eventKey, asOf, cancellationToken);

    public Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default) =>
        inner.SetSubscriptionToken(eventSubscriptionId, token, workerId, expiry, cancellationToken);

    public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default) =>
        inner.ClearSubscriptionToken(eventSubscriptionId, token, cancellationToken);

    public Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default) => inner.CreateEvent(newEvent, cancellationToken);

    public Task<Event> GetEvent(string id, CancellationToken cancellationToken = default) => inner.GetEvent(id, cancellationToken);

    public Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default) => inner.GetRunnableEvents(asAt, cancellationToken);

    public Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        inner.GetEvents(eventName, eventKey, asOf, cancellationToken);

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) => inner.MarkEventProcessed(id, cancellationToken);

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) => inner.MarkEventUnprocessed(id, cancellationToken);

    public Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default) => inner.PersistErrors(errors, cancellationToken);

    public void EnsureStoreExists() => inner.EnsureStoreExists();

    public Task ScheduleCommand(ScheduledCommand command) => inner.ScheduleCommand(command);

    public Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default) =>
        inner.ProcessCommands(asOf, action, cancellationToken);
}
