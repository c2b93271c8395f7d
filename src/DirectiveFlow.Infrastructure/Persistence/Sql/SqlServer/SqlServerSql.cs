using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Persistence.Sql.SqlServer;

/// <summary>
/// SQL Server's raw SQL. It has no ON CONFLICT: inserts that must skip an existing key say NOT EXISTS. No SQL Server
/// runs where the tests run, so a test parses every statement here with SQL Server's own parser and checks its names
/// against the SQL Server model.
/// </summary>
public sealed class SqlServerSql(SqlNames names) : ProviderSql(names)
{
    /// <summary>None: see <see cref="ProviderSql.CompleteOpenTaskReturningRow"/>; the task is read after the update.</summary>
    public override string? CompleteOpenTaskReturningRow => null;

    /// <summary>
    /// The same update with its rows put aside by OUTPUT … INTO a table variable and then read: an OUTPUT clause
    /// without INTO is refused on a table with triggers (<see cref="CompleteOpenTaskReturningRow"/>).
    /// </summary>
    public override string CancelOpenTasksOfInstance
    {
        get
        {
            var tasks = Names.Tasks;
            var columns = tasks.Columns(CancelledTaskColumns);
            var output = $" OUTPUT {string.Join(", ", CancelledTaskColumns.Select(c => "INSERTED." + tasks.Column(c)))} INTO @cancelled";
            return $"DECLARE @cancelled TABLE ({tasks.Column(nameof(UnitTask.Id))} uniqueidentifier, {tasks.Column(nameof(UnitTask.UnitId))} uniqueidentifier, " +
                $"{tasks.Column(nameof(UnitTask.ConcurrencyStamp))} int); {BuildCancelOpenTasksOfInstance(output)}; SELECT {columns} FROM @cancelled";
        }
    }

    /// <summary>
    /// One task from parameters <c>@p0…</c> in <see cref="TaskColumns"/> order, prepared once per batch; skipped when its
    /// (instance, activity, unit, item) exists, so a re-run batch writes only what is missing.
    /// </summary>
    public string InsertTaskUnlessExists
    {
        get
        {
            var tasks = Names.Tasks;
            string Same(string property) => $"{tasks.Column(property)} = @p{TaskColumns.IndexOf(property)}";
            return $"INSERT INTO {tasks.Name} ({tasks.Columns(TaskColumns.Properties)}) SELECT {TaskColumns.Placeholders("@")} " +
                $"WHERE NOT EXISTS (SELECT 1 FROM {tasks.Name} WHERE {Same(nameof(UnitTask.InstanceId))} " +
                $"AND {Same(nameof(UnitTask.ActivityId))} AND {Same(nameof(UnitTask.UnitId))} AND {Same(nameof(UnitTask.ItemNo))})";
        }
    }

    /// <summary>The key locks held to the end of the transaction, so two writers of the same key cannot both insert it.</summary>
    public override string InsertOutboxUnlessDuplicate
    {
        get
        {
            var outbox = Names.Outbox;
            var taskId = outbox.Column(nameof(OutboxMessage.TaskId));
            return $"INSERT INTO {outbox.Name} ({outbox.Columns(OutboxColumns.Inserted)}) " +
                $"SELECT {string.Join(", ", OutboxColumns.Inserted.Select(c => "@" + c))} " +
                $"WHERE NOT EXISTS (SELECT 1 FROM {outbox.Name} WITH (UPDLOCK, HOLDLOCK) " +
                $"WHERE {outbox.Column(nameof(OutboxMessage.DedupeKey))} = @{nameof(OutboxMessage.DedupeKey)} " +
                $"AND ({taskId} = @{nameof(OutboxMessage.TaskId)} OR ({taskId} IS NULL AND @{nameof(OutboxMessage.TaskId)} IS NULL)))";
        }
    }

    public override string InsertOutboxModelReturningId =>
        $"{InsertOutboxModelHead} OUTPUT INSERTED.{Names.OutboxModels.Column(nameof(OutboxModel.Id))} VALUES (@json, @role, @now)";
}
