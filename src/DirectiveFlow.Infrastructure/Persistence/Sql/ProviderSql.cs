using System.Runtime.CompilerServices;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;
using DirectiveFlow.Infrastructure.Persistence.Sql.Sqlite;
using DirectiveFlow.Infrastructure.Persistence.Sql.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DirectiveFlow.Infrastructure.Persistence.Sql;

/// <summary>
/// The raw SQL one provider's code issues, every table and column name taken from that provider's EF model. This
/// class holds the statements every provider has; each provider's folder holds its class with the rest (and, for SQL
/// Server, its own form of these). The text is built once per model (<see cref="For"/>).
/// </summary>
public abstract class ProviderSql(SqlNames names)
{
    private static readonly ConditionalWeakTable<IModel, ProviderSql> ByModel = [];

    protected SqlNames Names { get; } = names;

    /// <summary>The statements of <paramref name="db"/>'s provider, built on first use for its model.</summary>
    public static ProviderSql For(DbContext db)
    {
        if (!ByModel.TryGetValue(db.Model, out var sql))
        {
            sql = Create(SqlNames.Of(db), db.Database.ProviderName);
            ByModel.AddOrUpdate(db.Model, sql);
        }

        return sql;
    }

    public static ProviderSql Create(SqlNames names, string? providerName) =>
        TimestampStorage.IsSqlite(providerName) ? new SqliteSql(names)
        : TimestampStorage.IsPostgres(providerName) ? new PostgreSqlSql(names)
        : new SqlServerSql(names);

    /// <summary>The sweep's statements over groups of due tasks decided alike; null where the sweep goes row by row only.</summary>
    public virtual DueGroupSql? DueGroups => null;

    /// <summary>
    /// One outbox row from parameters named <c>@</c> + each of <see cref="OutboxColumns.Inserted"/>, not written when
    /// either unique index (the key per task, or the key alone for an email about no task) already holds its key.
    /// </summary>
    public virtual string InsertOutboxUnlessDuplicate =>
        $"INSERT INTO {Names.Outbox.Name} ({Names.Outbox.Columns(OutboxColumns.Inserted)}) " +
        $"VALUES ({string.Join(", ", OutboxColumns.Inserted.Select(c => "@" + c))}) ON CONFLICT DO NOTHING";

    /// <summary>
    /// Every column of the units of one pillar, level and kind (<c>@pillar</c>, <c>@level</c>, <c>@kind</c>, as stored)
    /// on a province's localities, its own and its communes' (<c>@province</c>): a province unit's counterparts in one
    /// query, each unit reached through the locality index.
    /// </summary>
    public string UnitsInProvince => _unitsInProvince ??=
        $"SELECT * FROM {Names.Units.Name} WHERE {InSelected(Names.Units.Column(nameof(OrgUnit.LocalityId)), LocalitiesOf("@province"))} " +
        $"AND {Names.Units.Column(nameof(OrgUnit.Pillar))} = @pillar AND {Names.Units.Column(nameof(OrgUnit.Level))} = @level " +
        $"AND {Names.Units.Column(nameof(OrgUnit.Kind))} = @kind";

    private string? _unitsInProvince;

    /// <summary>
    /// Refreshes the planner's statistics of the organisation after an import wrote units in bulk; null where the
    /// database keeps them itself (SQL Server updates them as a query compiles) or plans without them (SQLite).
    /// </summary>
    public virtual string? AnalyzeOrganisation => null;

    /// <summary>
    /// <paramref name="column"/> among the values <paramref name="subSelect"/> answers: a sub-select the planner looks
    /// into (SQLite, SQL Server); PostgreSQL has its own form.
    /// </summary>
    protected virtual string InSelected(string column, string subSelect) => $"{column} IN ({subSelect})";

    /// <summary>The ids of a province's locality and its communes'.</summary>
    private string LocalitiesOf(string province) =>
        $"SELECT {Names.Localities.Column(nameof(Locality.Id))} FROM {Names.Localities.Name} " +
        $"WHERE {Names.Localities.Column(nameof(Locality.Id))} = {province} OR {Names.Localities.Column(nameof(Locality.ParentId))} = {province}";

    /// <summary>One shared outbox model from <c>@json</c>, <c>@role</c>, <c>@now</c>, answering its new id.</summary>
    public virtual string InsertOutboxModelReturningId =>
        $"{InsertOutboxModelHead} VALUES (@json, @role, @now) RETURNING {Names.OutboxModels.Column(nameof(OutboxModel.Id))}";

    /// <summary>
    /// A due task's new schedule fields (<c>@next</c>, <c>@chase</c>, <c>@level</c>, <c>@raised</c>), only while its
    /// schedule and deadline are still those read (<c>@id</c>, <c>@old</c>, <c>@due</c>).
    /// </summary>
    public string UpdateTaskSchedule =>
        $"UPDATE {Names.Tasks.Name} SET {SetTaskSchedule("@next", "@chase", "@level", "@raised")} " +
        $"WHERE {Names.Tasks.Column(nameof(UnitTask.Id))} = @id AND {Names.Tasks.Column(nameof(UnitTask.NextActionAt))} = @old " +
        $"AND {Names.Tasks.Column(nameof(UnitTask.DueAt))} = @due";

    /// <summary>
    /// A task's bookmark consumed: task <c>@id</c> (<see cref="ProviderValues.Id"/>) becomes Completed at <c>@at</c>
    /// (<see cref="ProviderValues.Time"/>) unless it is completed or cancelled already; its stamp moves on. Built once per
    /// model: the same update as an <c>ExecuteUpdate</c> built its query from an expression on every call.
    /// </summary>
    public string CompleteOpenTask => _completeOpenTask ??= BuildCompleteOpenTask();

    private string? _completeOpenTask;

    private string BuildCompleteOpenTask()
    {
        string Column(string property) => Names.Tasks.Column(property);
        var (status, stamp) = (Column(nameof(UnitTask.Status)), Column(nameof(UnitTask.ConcurrencyStamp)));
        return $"UPDATE {Names.Tasks.Name} SET {status} = '{nameof(UnitTaskStatus.Completed)}', {Column(nameof(UnitTask.CompletedAt))} = @at, " +
            $"{Column(nameof(UnitTask.NextActionAt))} = NULL, {stamp} = {stamp} + 1 " +
            $"WHERE {Column(nameof(UnitTask.Id))} = @id AND {status} NOT IN ('{nameof(UnitTaskStatus.Completed)}', '{nameof(UnitTaskStatus.Cancelled)}')";
    }

    /// <summary>
    /// <see cref="CompleteOpenTask"/> answering the task's row as it now is (every column), so the engine reads the task
    /// it completes in the same round trip; null where the provider cannot (SQL Server: an OUTPUT clause without INTO is
    /// refused on a table with triggers, and the task tallies are kept by triggers).
    /// </summary>
    public virtual string? CompleteOpenTaskReturningRow => _completeOpenTaskReturningRow ??= CompleteOpenTask + " RETURNING *";

    private string? _completeOpenTaskReturningRow;

    /// <summary>
    /// Every open task of instance <c>@instance</c> (<see cref="ProviderValues.Id"/>) cancelled, its schedule cleared and
    /// its stamp moved on, answering the rows it changed (id, unit, stamp after the change) in the same statement: the
    /// tasks a withdrawal tells are exactly those it cancelled, even when a completion commits while it runs.
    /// </summary>
    public virtual string CancelOpenTasksOfInstance => _cancelOpenTasksOfInstance ??=
        $"{BuildCancelOpenTasksOfInstance()} RETURNING {Names.Tasks.Columns(CancelledTaskColumns)}";

    private string? _cancelOpenTasksOfInstance;

    /// <summary>The columns <see cref="CancelOpenTasksOfInstance"/> answers, in order.</summary>
    protected static readonly string[] CancelledTaskColumns = [nameof(UnitTask.Id), nameof(UnitTask.UnitId), nameof(UnitTask.ConcurrencyStamp)];

    /// <summary>The UPDATE of <see cref="CancelOpenTasksOfInstance"/>, without what makes it answer its rows.</summary>
    protected string BuildCancelOpenTasksOfInstance(string? output = null)
    {
        string Column(string property) => Names.Tasks.Column(property);
        var (status, stamp) = (Column(nameof(UnitTask.Status)), Column(nameof(UnitTask.ConcurrencyStamp)));
        return $"UPDATE {Names.Tasks.Name} SET {status} = '{nameof(UnitTaskStatus.Cancelled)}', {Column(nameof(UnitTask.NextActionAt))} = NULL, " +
            $"{stamp} = {stamp} + 1{output} " +
            $"WHERE {Column(nameof(UnitTask.InstanceId))} = @instance AND {status} NOT IN ('{nameof(UnitTaskStatus.Completed)}', '{nameof(UnitTaskStatus.Cancelled)}')";
    }

    /// <summary>
    /// A task command's claim: task <c>@id</c>'s stamp set to <c>@stamp</c> only while it is still <c>@read</c>, the value
    /// read (a concurrent change makes it update nothing). Built once per model, like
    /// <see cref="CompleteOpenTask"/>.
    /// </summary>
    public string ClaimTaskStamp => _claimTaskStamp ??=
        $"UPDATE {Names.Tasks.Name} SET {Names.Tasks.Column(nameof(UnitTask.ConcurrencyStamp))} = @stamp " +
        $"WHERE {Names.Tasks.Column(nameof(UnitTask.Id))} = @id AND {Names.Tasks.Column(nameof(UnitTask.ConcurrencyStamp))} = @read";

    private string? _claimTaskStamp;

    /// <summary>
    /// <c>@count</c> finished branches counted on cascade <c>@id</c> (<see cref="ProviderValues.Id"/>): an atomic increment
    /// of its completed branches, and of its withdrawn ones by <c>@withdrawn</c> (0 or <c>@count</c>), its stamp moving on.
    /// Built once per model, like <see cref="CompleteOpenTask"/>.
    /// </summary>
    public string CountFinishedBranch => _countFinishedBranch ??= BuildCountFinishedBranch();

    private string? _countFinishedBranch;

    private string BuildCountFinishedBranch()
    {
        var executions = Names.ActivityExecutions;
        var (completed, withdrawn, stamp) = (executions.Column(nameof(ActivityExecution.CompletedBranches)),
            executions.Column(nameof(ActivityExecution.WithdrawnBranches)), executions.Column(nameof(ActivityExecution.ConcurrencyStamp)));
        return $"UPDATE {executions.Name} SET {completed} = {completed} + @count, {withdrawn} = {withdrawn} + @withdrawn, {stamp} = {stamp} + 1 " +
            $"WHERE {executions.Column(nameof(ActivityExecution.Id))} = @id";
    }

    protected string InsertOutboxModelHead =>
        $"INSERT INTO {Names.OutboxModels.Name} ({Names.OutboxModels.Columns([nameof(OutboxModel.Json), nameof(OutboxModel.RecipientRole), nameof(OutboxModel.CreatedAt)])})";

    /// <summary>The SET list of the sweep's four schedule fields, from the given values.</summary>
    protected internal string SetTaskSchedule(string next, string chase, string level, string raised) =>
        $"{Names.Tasks.Column(nameof(UnitTask.NextActionAt))} = {next}, {Names.Tasks.Column(nameof(UnitTask.ChaseCount))} = {chase}, " +
        $"{Names.Tasks.Column(nameof(UnitTask.EscalationLevel))} = {level}, {Names.Tasks.Column(nameof(UnitTask.IsRaised))} = {raised}";
}
