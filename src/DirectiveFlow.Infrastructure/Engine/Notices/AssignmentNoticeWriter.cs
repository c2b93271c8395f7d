using System.Data.Common;
using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DirectiveFlow.Infrastructure.Engine.Notices;

/// <summary>
/// Gives tasks to their units by email, in the transaction that writes them: the lead unit gets "Nhiệm vụ mới" (or, for
/// rework, "Trả lại để làm lại"), each supporting unit a "phối hợp" notice. Written as the sweep writes its emails: one
/// shared model per directive, assigner and deadline (<see cref="AssignmentNoticeModel"/>), and one small outbox row
/// per task and recipient unit, completed and addressed at dispatch. The keys (<see cref="AssignmentKeys"/>) carry the
/// task's version, so a batch written again after a crash sends nothing twice and a later return is a new notice.
/// A cascade's notices (<see cref="WriteCascadeAsync"/>) go on their shared model instead, as one list
/// (<see cref="OutboxModel.Notices"/>), and the dispatcher makes them rows (<see cref="NoticeExpansion"/>): a step then
/// writes one row for its notices, not one per task, and its transaction stays close to its tasks' own cost.
/// </summary>
public sealed class AssignmentNoticeWriter(IWorkingDayCalendar calendar, OutboxOptions options)
{
    /// <summary>
    /// The notices of tasks just written (cascade, sub-cascade, a single task) and of their supporting units;
    /// <paramref name="known"/>, when it covers the tasks, stands in for the lookups of directive and assigner.
    /// </summary>
    public Task WriteAssignedAsync(
        DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, IReadOnlyList<TaskSupportingUnit> supporting, DateTimeOffset now,
        CancellationToken cancellationToken, NoticeFacts? known = null) =>
        WriteAsync(db, tasks, supporting, EmailTemplates.Assigned, null, now, known, expandAtDispatch: false, cancellationToken);

    /// <summary>
    /// A cascade's notices, as <see cref="WriteAssignedAsync"/> writes them but left on their shared models for the
    /// dispatcher to expand (<see cref="NoticeExpansion"/>): one row per model in this transaction, whatever the tasks.
    /// The models are added to <paramref name="db"/>, not written: the caller's next <c>SaveChanges</c> (every cascade
    /// step ends with one, before its commit) writes them.
    /// </summary>
    public Task WriteCascadeAsync(
        DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, IReadOnlyList<TaskSupportingUnit> supporting, DateTimeOffset now,
        CancellationToken cancellationToken, NoticeFacts? known = null) =>
        WriteAsync(db, tasks, supporting, EmailTemplates.Assigned, null, now, known, expandAtDispatch: true, cancellationToken);

    /// <summary>The lead unit's notice of a task returned for rework, with the reviewer's comment.</summary>
    public Task WriteReturnedAsync(DirectiveFlowDbContext db, UnitTask task, string? comment, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(db, [task], [], EmailTemplates.Returned, comment ?? "", now, null, expandAtDispatch: false, cancellationToken);

    private async Task WriteAsync(
        DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, IReadOnlyList<TaskSupportingUnit> supporting, string template, string? comment,
        DateTimeOffset now, NoticeFacts? known, bool expandAtDispatch, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0)
        {
            return;
        }

        var (directives, references, assigners) = known is not null && known.Cover(tasks)
            ? (new Dictionary<Guid, MailDirective> { [known.Directive.Id] = known.Directive },
                new Dictionary<Guid, DirectiveReference> { [known.Directive.Id] = known.Reference },
                new Dictionary<Guid, string> { [known.AssignerUnitId] = known.AssignerName })
            : await LookUpAsync(db, tasks, cancellationToken);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var values = new ProviderValues(db.Database.ProviderName);
            var sql = ProviderSql.For(db);
            // One model per directive, assigner, deadline and role: looked up by those, so a cascade of thousands of
            // tasks builds and compares each model's JSON once, not once per task. Two keys whose JSON is the same (two
            // assigners of one name) still share one model.
            var byJson = new Dictionary<(string Json, string Role, Guid Directive), NoticeGroup>();
            var byKey = new Dictionary<(Guid Directive, Guid Assigner, DateTimeOffset Due, string Role), NoticeGroup>();
            async ValueTask<NoticeGroup> GroupAsync(UnitTask task, string role, string rowTemplate)
            {
                var key = (task.DirectiveId, task.AssignerUnitId, task.DueAt, role);
                if (byKey.TryGetValue(key, out var group))
                {
                    return group;
                }

                var json = AssignmentNoticeModel.Json(options.BaseUrl, calendar, directives.GetValueOrDefault(task.DirectiveId),
                    assigners.GetValueOrDefault(task.AssignerUnitId) ?? "", task.DueAt, comment, now, references.GetValueOrDefault(task.DirectiveId));
                if (!byJson.TryGetValue((json, role, task.DirectiveId), out group))
                {
                    // Rows written now need their model's id now; a list left on the model is written with it, at the end.
                    var id = expandAtDispatch ? 0 : await InsertModelAsync(connection, transaction, values, sql, json, role, now, cancellationToken);
                    group = new NoticeGroup(id, json, role, rowTemplate, task.DirectiveId);
                    byJson[(json, role, task.DirectiveId)] = group;
                }

                byKey[key] = group;
                return group;
            }

            var rows = new List<OutboxMessage>(expandAtDispatch ? 0 : tasks.Count + supporting.Count);
            void Add(NoticeGroup group, string key, string rowTemplate, UnitTask task)
            {
                if (expandAtDispatch)
                {
                    group.Add(task.Id, key);
                }
                else
                {
                    rows.Add(NoticeRows.Row(key, rowTemplate, group.ModelId, task.Id, task.DirectiveId, now));
                }
            }

            foreach (var task in tasks)
            {
                Add(await GroupAsync(task, RecipientRoles.Unit, template), AssignmentKeys.Lead(template, task.ConcurrencyStamp), template, task);
            }

            var byId = tasks.ToDictionary(t => t.Id);
            foreach (var part in supporting)
            {
                var task = byId[part.TaskId];
                Add(await GroupAsync(task, RecipientRoles.SupportingUnit, EmailTemplates.Supporting),
                    AssignmentKeys.Supporting(part.UnitId, task.ConcurrencyStamp), EmailTemplates.Supporting, task);
            }

            if (expandAtDispatch)
            {
                // Added, not written: the step's next SaveChanges inserts them in the batch of its journal rows, so the
                // notices cost the step no round trip of their own.
                foreach (var group in byJson.Values)
                {
                    db.OutboxModels.Add(new OutboxModel
                    {
                        Json = group.Json, RecipientRole = group.Role, CreatedAt = now, Notices = group.Notices.ToString(), NoticeCount = group.Count,
                        NoticeTemplate = group.Template, NoticeDirectiveId = group.DirectiveId,
                    });
                }

                EmailTelemetry.Queued(tasks.Count + supporting.Count, "notice");
                return;
            }

            EmailTelemetry.Queued(
                await NoticeRows.InsertAsync(connection, transaction, values, sql, rows, keysAreNew: template == EmailTemplates.Assigned, cancellationToken),
                "notice");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The tasks' directives as emails name and cite them, and their assigners' names (three queries, after saving a directive the context holds unsaved).</summary>
    private static async Task<(Dictionary<Guid, MailDirective>, Dictionary<Guid, DirectiveReference>, Dictionary<Guid, string>)> LookUpAsync(
        DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, CancellationToken cancellationToken)
    {
        // They read the database: a directive this context holds unsaved (in the step that issues it) goes first.
        if (db.ChangeTracker.Entries<Directive>().Any(e => e.State is EntityState.Added or EntityState.Modified))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var directives = await MailDirectory.DirectivesAsync(db, tasks.Select(t => t.DirectiveId), cancellationToken);
        var references = await DirectiveReferences.LoadAsync(db, directives.Keys, cancellationToken);
        var assignerIds = tasks.Select(t => t.AssignerUnitId).Distinct().ToList();
        var assigners = await db.Units.AsNoTracking().Where(u => assignerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return (directives, references, assigners);
    }

    /// <summary>One shared model row (<see cref="ProviderSql.InsertOutboxModelReturningId"/>), answering its id.</summary>
    private static async Task<long> InsertModelAsync(
        DbConnection connection, DbTransaction? transaction, ProviderValues values, ProviderSql sql, string json, string role, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.InsertOutboxModelReturningId;
        foreach (var (name, value) in new (string, object)[] { ("@json", json), ("@role", role), ("@now", values.Time(now)) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The notices that share one model: its row's id when written already, or the list it will carry (<see cref="OutboxModel.Notices"/>).</summary>
    private sealed class NoticeGroup(long modelId, string json, string role, string template, Guid directiveId)
    {
        public long ModelId { get; } = modelId;
        public string Json { get; } = json;
        public string Role { get; } = role;
        public string Template { get; } = template;
        public Guid DirectiveId { get; } = directiveId;
        public System.Text.StringBuilder Notices { get; } = new();
        public int Count { get; private set; }

        public void Add(Guid taskId, string key)
        {
            PendingNotices.Append(Notices, taskId, key);
            Count++;
        }
    }
}
