using System.Data.Common;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>
/// WorkflowCore's <see cref="IPersistenceProvider"/> on SQLite or PostgreSQL (<see cref="PeerSqlStore"/>), written for
/// the bench because none of its own persistence packages is served here. It stores what WorkflowCore's EF Core provider
/// stores, in the same shape: an instance row (definition, version, status, next execution, times, its data serialized
/// with Json.NET and type names), one row per execution pointer (the pointer serialized: step, status, times, event
/// name/key/data, persistence data, context item, children, scope, outcome, extension attributes), event
/// subscriptions, events, execution errors and scheduled commands. Every write is committed before WorkflowCore is
/// told it is done, so the store survives a restart.
/// </summary>
/// <remarks>
/// Like EF Core's change tracker, an instance's pointers are written only when new or changed since they were read or
/// last written (compared by their serialized form, kept per pointer object); the instance row and every new
/// subscription go in the same transaction. Times are stored as UTC ticks.
/// </remarks>
internal sealed class SqlPersistenceProvider(PeerSqlStore store) : IPersistenceProvider
{
    private const string InstanceColumns = "instance_id, definition_id, version, description, reference, next_execution, status, data, create_time, complete_time";
    private const string SubscriptionColumns =
        "subscription_id, workflow_id, step_id, pointer_id, event_name, event_key, subscribe_as_of, subscription_data, external_token, external_worker_id, external_token_expiry";

    /// <summary>The instance's and event's data: with type names, as WorkflowCore's EF provider writes them.</summary>
    private static readonly JsonSerializerSettings Typed = new() { TypeNameHandling = TypeNameHandling.All, ObjectCreationHandling = ObjectCreationHandling.Replace };

    /// <summary>A pointer: type names wherever a member is declared object (persistence data, event data, context item, outcome).</summary>
    private static readonly JsonSerializerSettings PointerJson = new()
    {
        TypeNameHandling = TypeNameHandling.Auto, ObjectCreationHandling = ObjectCreationHandling.Replace, NullValueHandling = NullValueHandling.Ignore,
    };

    /// <summary>Each loaded or written pointer's serialized form, as it is in the database.</summary>
    private readonly ConditionalWeakTable<ExecutionPointer, string> _stored = [];

    public bool SupportsScheduledCommands => true;

    public void EnsureStoreExists() => store.EnsureCreated();

    public async Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        workflow.Id = Guid.NewGuid().ToString();
        await WriteAsync(workflow, [], isNew: true, cancellationToken);
        return workflow.Id;
    }

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) =>
        WriteAsync(workflow, [], isNew: false, cancellationToken);

    public Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default) =>
        WriteAsync(workflow, subscriptions, isNew: false, cancellationToken);

    public async Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT instance_id FROM peer_wf_instance WHERE next_execution <= @now AND status = @runnable");
        BenchSql.Add(command, "now", Ticks(asAt));
        BenchSql.Add(command, "runnable", (int)WorkflowStatus.Runnable);
        return await StringsAsync(command, cancellationToken);
    }

    [Obsolete("Obsolete in WorkflowCore's interface; implemented for completeness.")]
    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take)
    {
        List<string> ids;
        await using (var connection = await store.OpenAsync())
        {
            await using var command = Command(connection,
                "SELECT instance_id FROM peer_wf_instance WHERE (@anyStatus = 1 OR status = @status) AND (@anyType = 1 OR definition_id = @type) " +
                "AND create_time >= @from AND create_time <= @to ORDER BY create_time LIMIT @take OFFSET @skip");
            BenchSql.Add(command, "anyStatus", status.HasValue ? 0 : 1);
            BenchSql.Add(command, "status", (int)(status ?? WorkflowStatus.Runnable));
            BenchSql.Add(command, "anyType", string.IsNullOrEmpty(type) ? 1 : 0);
            BenchSql.Add(command, "type", type ?? "");
            BenchSql.Add(command, "from", createdFrom is { } from ? Ticks(from) : 0L);
            BenchSql.Add(command, "to", createdTo is { } to ? Ticks(to) : long.MaxValue);
            BenchSql.Add(command, "take", (long)take);
            BenchSql.Add(command, "skip", (long)skip);
            ids = await StringsAsync(command, CancellationToken.None);
        }

        return await GetWorkflowInstances(ids);
    }

    public async Task<WorkflowInstance?> GetWorkflowInstance(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await LoadAsync(connection, id, cancellationToken);
    }

    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var result = new List<WorkflowInstance>();
        await using var connection = await store.OpenAsync(cancellationToken);
        foreach (var id in ids ?? [])
        {
            if (await LoadAsync(connection, id, cancellationToken) is { } instance)
            {
                result.Add(instance);
            }
        }

        return result;
    }

    public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = SubscriptionInsert(connection, null);
        Bind(command, subscription);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return subscription.Id;
    }

    public async Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT {SubscriptionColumns} FROM peer_wf_subscription WHERE event_name = @name AND event_key = @key AND subscribe_as_of <= @asOf");
        BindEvent(command, eventName, eventKey, asOf);
        return await SubscriptionsAsync(command, cancellationToken);
    }

    public async Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM peer_wf_subscription WHERE subscription_id = @id");
        BenchSql.Add(command, "id", eventSubscriptionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<EventSubscription?> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {SubscriptionColumns} FROM peer_wf_subscription WHERE subscription_id = @id");
        BenchSql.Add(command, "id", eventSubscriptionId);
        return (await SubscriptionsAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<EventSubscription?> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT {SubscriptionColumns} FROM peer_wf_subscription WHERE event_name = @name AND event_key = @key AND subscribe_as_of <= @asOf " +
            "AND external_token IS NULL LIMIT 1");
        BindEvent(command, eventName, eventKey, asOf);
        return (await SubscriptionsAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE peer_wf_subscription SET external_token = @token, external_worker_id = @worker, external_token_expiry = @expiry WHERE subscription_id = @id");
        BenchSql.Add(command, "token", token);
        BenchSql.Add(command, "worker", workerId);
        BenchSql.Add(command, "expiry", Ticks(expiry));
        BenchSql.Add(command, "id", eventSubscriptionId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE peer_wf_subscription SET external_token = NULL, external_worker_id = NULL, external_token_expiry = NULL WHERE subscription_id = @id AND external_token = @token");
        BenchSql.Add(command, "id", eventSubscriptionId);
        BenchSql.Add(command, "token", token);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Subscription {eventSubscriptionId} does not hold that token.");
        }
    }

    public async Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default)
    {
        newEvent.Id = Guid.NewGuid().ToString();
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "INSERT INTO peer_wf_event (event_id, event_name, event_key, event_data, event_time, is_processed) VALUES (@id, @name, @key, @data, @time, @processed)");
        BenchSql.Add(command, "id", newEvent.Id);
        BenchSql.Add(command, "name", newEvent.EventName);
        BenchSql.Add(command, "key", Nullable(newEvent.EventKey));
        BenchSql.Add(command, "data", JsonConvert.SerializeObject(newEvent.EventData, Typed));
        BenchSql.Add(command, "time", Ticks(newEvent.EventTime));
        BenchSql.Add(command, "processed", newEvent.IsProcessed ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return newEvent.Id;
    }

    public async Task<Event?> GetEvent(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT event_id, event_name, event_key, event_data, event_time, is_processed FROM peer_wf_event WHERE event_id = @id");
        BenchSql.Add(command, "id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Event
        {
            Id = reader.GetString(0), EventName = reader.GetString(1), EventKey = String(reader, 2), EventData = Deserialize(String(reader, 3), Typed),
            EventTime = Time(reader.GetInt64(4)), IsProcessed = reader.GetInt32(5) != 0,
        };
    }

    public async Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT event_id FROM peer_wf_event WHERE is_processed = 0 AND event_time <= @now");
        BenchSql.Add(command, "now", Ticks(asAt));
        return await StringsAsync(command, cancellationToken);
    }

    public async Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT event_id FROM peer_wf_event WHERE event_name = @name AND event_key = @key AND event_time >= @asOf");
        BindEvent(command, eventName, eventKey, asOf);
        return await StringsAsync(command, cancellationToken);
    }

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) => MarkEventAsync(id, processed: true, cancellationToken);

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) => MarkEventAsync(id, processed: false, cancellationToken);

    public async Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            return;
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = Command(connection,
            "INSERT INTO peer_wf_error (workflow_id, pointer_id, error_time, message) VALUES (@workflow, @pointer, @time, @message)", transaction);
        foreach (var error in list)
        {
            command.Parameters.Clear();
            BenchSql.Add(command, "workflow", error.WorkflowId);
            BenchSql.Add(command, "pointer", Nullable(error.ExecutionPointerId));
            BenchSql.Add(command, "time", Ticks(error.ErrorTime));
            BenchSql.Add(command, "message", Nullable(error.Message));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ScheduleCommand(ScheduledCommand command)
    {
        await using var connection = await store.OpenAsync();
        await using var insert = Command(connection,
            "INSERT INTO peer_wf_command (command_name, data, execute_time) VALUES (@name, @data, @time) ON CONFLICT (command_name, data) DO NOTHING");
        BenchSql.Add(insert, "name", command.CommandName);
        BenchSql.Add(insert, "data", command.Data);
        BenchSql.Add(insert, "time", command.ExecuteTime);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>Runs every due command, then deletes it (a command whose action fails stays for the next poll).</summary>
    public async Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var due = new List<ScheduledCommand>();
        await using (var select = Command(connection, "SELECT command_name, data, execute_time FROM peer_wf_command WHERE execute_time < @asOf ORDER BY execute_time"))
        {
            BenchSql.Add(select, "asOf", asOf.UtcTicks);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(new ScheduledCommand { CommandName = reader.GetString(0), Data = reader.GetString(1), ExecuteTime = reader.GetInt64(2) });
            }
        }

        await using var delete = Command(connection, "DELETE FROM peer_wf_command WHERE command_name = @name AND data = @data");
        foreach (var command in due)
        {
            try
            {
                await action(command);
            }
            catch (Exception)
            {
                continue; // as WorkflowCore's own providers: the command stays and is tried again
            }

            delete.Parameters.Clear();
            BenchSql.Add(delete, "name", command.CommandName);
            BenchSql.Add(delete, "data", command.Data);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The instance row, its new or changed pointers and the new subscriptions, in one transaction.</summary>
    private async Task WriteAsync(WorkflowInstance workflow, List<EventSubscription> subscriptions, bool isNew, CancellationToken cancellationToken)
    {
        var written = new List<(ExecutionPointer Pointer, string Body)>();
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var instance = Command(connection, isNew
            ? $"INSERT INTO peer_wf_instance ({InstanceColumns}) VALUES (@id, @definition, @version, @description, @reference, @next, @status, @data, @created, @completed)"
            : "UPDATE peer_wf_instance SET definition_id = @definition, version = @version, description = @description, reference = @reference, " +
              "next_execution = @next, status = @status, data = @data, create_time = @created, complete_time = @completed WHERE instance_id = @id", transaction))
        {
            BenchSql.Add(instance, "id", workflow.Id);
            BenchSql.Add(instance, "definition", workflow.WorkflowDefinitionId);
            BenchSql.Add(instance, "version", workflow.Version);
            BenchSql.Add(instance, "description", Nullable(workflow.Description));
            BenchSql.Add(instance, "reference", Nullable(workflow.Reference));
            BenchSql.Add(instance, "next", workflow.NextExecution is { } next ? next : DBNull.Value);
            BenchSql.Add(instance, "status", (int)workflow.Status);
            BenchSql.Add(instance, "data", JsonConvert.SerializeObject(workflow.Data, Typed));
            BenchSql.Add(instance, "created", Ticks(workflow.CreateTime));
            BenchSql.Add(instance, "completed", workflow.CompleteTime is { } completed ? Ticks(completed) : DBNull.Value);
            if (await instance.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Workflow instance {workflow.Id} is not in the store.");
            }
        }

        await using (var pointer = Command(connection,
            "INSERT INTO peer_wf_pointer (instance_id, pointer_id, body) VALUES (@instance, @id, @body) " +
            "ON CONFLICT (instance_id, pointer_id) DO UPDATE SET body = excluded.body", transaction))
        {
            foreach (var item in workflow.ExecutionPointers)
            {
                item.Id ??= Guid.NewGuid().ToString();
                var body = JsonConvert.SerializeObject(item, PointerJson);
                if (_stored.TryGetValue(item, out var stored) && stored == body)
                {
                    continue;
                }

                pointer.Parameters.Clear();
                BenchSql.Add(pointer, "instance", workflow.Id);
                BenchSql.Add(pointer, "id", item.Id);
                BenchSql.Add(pointer, "body", body);
                await pointer.ExecuteNonQueryAsync(cancellationToken);
                written.Add((item, body));
            }
        }

        if (subscriptions.Count > 0)
        {
            await using var insert = SubscriptionInsert(connection, transaction);
            foreach (var subscription in subscriptions)
            {
                insert.Parameters.Clear();
                Bind(insert, subscription);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (item, body) in written)
        {
            _stored.AddOrUpdate(item, body);
        }
    }

    private async Task<WorkflowInstance?> LoadAsync(DbConnection connection, string id, CancellationToken cancellationToken)
    {
        WorkflowInstance instance;
        await using (var select = Command(connection, $"SELECT {InstanceColumns} FROM peer_wf_instance WHERE instance_id = @id"))
        {
            BenchSql.Add(select, "id", id);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            instance = new WorkflowInstance
            {
                Id = reader.GetString(0), WorkflowDefinitionId = reader.GetString(1), Version = reader.GetInt32(2), Description = String(reader, 3),
                Reference = String(reader, 4), NextExecution = reader.IsDBNull(5) ? null : reader.GetInt64(5), Status = (WorkflowStatus)reader.GetInt32(6),
                Data = Deserialize(String(reader, 7), Typed), CreateTime = Time(reader.GetInt64(8)), CompleteTime = reader.IsDBNull(9) ? null : Time(reader.GetInt64(9)),
            };
        }

        await using var pointers = Command(connection, "SELECT body FROM peer_wf_pointer WHERE instance_id = @id");
        BenchSql.Add(pointers, "id", id);
        await using var rows = await pointers.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            var body = rows.GetString(0);
            var pointer = JsonConvert.DeserializeObject<ExecutionPointer>(body, PointerJson)
                ?? throw new InvalidOperationException($"A pointer of instance {id} did not read back.");
            _stored.AddOrUpdate(pointer, body);
            instance.ExecutionPointers.Add(pointer);
        }

        return instance;
    }

    private async Task MarkEventAsync(string id, bool processed, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = Command(connection, "UPDATE peer_wf_event SET is_processed = @processed WHERE event_id = @id");
        BenchSql.Add(command, "processed", processed ? 1 : 0);
        BenchSql.Add(command, "id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand SubscriptionInsert(DbConnection connection, DbTransaction? transaction) => Command(connection,
        $"INSERT INTO peer_wf_subscription ({SubscriptionColumns}) VALUES (@id, @workflow, @step, @pointer, @name, @key, @asOf, @data, @token, @worker, @expiry)",
        transaction);

    private static void Bind(DbCommand command, EventSubscription subscription)
    {
        subscription.Id = Guid.NewGuid().ToString();
        BenchSql.Add(command, "id", subscription.Id);
        BenchSql.Add(command, "workflow", subscription.WorkflowId);
        BenchSql.Add(command, "step", subscription.StepId);
        BenchSql.Add(command, "pointer", Nullable(subscription.ExecutionPointerId));
        BenchSql.Add(command, "name", subscription.EventName);
        BenchSql.Add(command, "key", Nullable(subscription.EventKey));
        BenchSql.Add(command, "asOf", Ticks(subscription.SubscribeAsOf));
        BenchSql.Add(command, "data", JsonConvert.SerializeObject(subscription.SubscriptionData, Typed));
        BenchSql.Add(command, "token", Nullable(subscription.ExternalToken));
        BenchSql.Add(command, "worker", Nullable(subscription.ExternalWorkerId));
        BenchSql.Add(command, "expiry", subscription.ExternalTokenExpiry is { } expiry ? Ticks(expiry) : DBNull.Value);
    }

    private static void BindEvent(DbCommand command, string eventName, string eventKey, DateTime asOf)
    {
        BenchSql.Add(command, "name", eventName);
        BenchSql.Add(command, "key", Nullable(eventKey));
        BenchSql.Add(command, "asOf", Ticks(asOf));
    }

    private static async Task<List<EventSubscription>> SubscriptionsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var result = new List<EventSubscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new EventSubscription
            {
                Id = reader.GetString(0), WorkflowId = reader.GetString(1), StepId = reader.GetInt32(2), ExecutionPointerId = String(reader, 3),
                EventName = reader.GetString(4), EventKey = String(reader, 5), SubscribeAsOf = Time(reader.GetInt64(6)),
                SubscriptionData = Deserialize(String(reader, 7), Typed), ExternalToken = String(reader, 8), ExternalWorkerId = String(reader, 9),
                ExternalTokenExpiry = reader.IsDBNull(10) ? null : Time(reader.GetInt64(10)),
            });
        }

        return result;
    }

    private static async Task<List<string>> StringsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static object Nullable(string? value) => value is null ? DBNull.Value : value;

    private static string? String(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static object? Deserialize(string? json, JsonSerializerSettings settings) => json is null ? null : JsonConvert.DeserializeObject(json, settings);

    private static long Ticks(DateTime time) => (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).Ticks;

    private static DateTime Time(long ticks) => new(ticks, DateTimeKind.Utc);
}
