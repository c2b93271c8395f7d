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
        WriteAsync(db, tasks, supporting, EmailTemplates.Assigned, null, now, known, cancellationToken);

    /// <summary>The lead unit's notice of a task returned for rework, with the reviewer's comment.</summary>
    public Task WriteReturnedAsync(DirectiveFlowDbContext db, UnitTask task, string? comment, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(db, [task], [], EmailTemplates.Returned, comment ?? "", now, null, cancellationToken);

    private async Task WriteAsync(
        DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, IReadOnlyList<TaskSupportingUnit> supporting, string template, string? comment,
        DateTimeOffset now, NoticeFacts? known, CancellationToken cancellationToken)
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
            // assigners of one name) still share one row.
            var byJson = new Dictionary<(string Json, string Role), long>();
            var byKey = new Dictionary<(Guid Directive, Guid Assigner, DateTimeOffset Due, string Role), long>();
            async ValueTask<long> ModelIdAsync(UnitTask task, string role)
            {
                var key = (task.DirectiveId, task.AssignerUnitId, task.DueAt, role);
                if (byKey.TryGetValue(key, out var id))
                {
                    return id;
                }

                var json = AssignmentNoticeModel.Json(options.BaseUrl, calendar, directives.GetValueOrDefault(task.DirectiveId),
                    assigners.GetValueOrDefault(task.AssignerUnitId) ?? "", task.DueAt, comment, now, references.GetValueOrDefault(task.DirectiveId));
                if (!byJson.TryGetValue((json, role), out id))
                {
                    id = await InsertModelAsync(connection, transaction, values, sql, json, role, now, cancellationToken);
                    byJson[(json, role)] = id;
                }

                byKey[key] = id;
                return id;
            }

            var rows = new List<OutboxMessage>(tasks.Count + supporting.Count);
            foreach (var task in tasks)
            {
                var modelId = await ModelIdAsync(task, RecipientRoles.Unit);
                rows.Add(Row(AssignmentKeys.Lead(template, task.ConcurrencyStamp), template, modelId, task, now));
            }

            var byId = tasks.ToDictionary(t => t.Id);
            foreach (var part in supporting)
            {
                var task = byId[part.TaskId];
                var modelId = await ModelIdAsync(task, RecipientRoles.SupportingUnit);
                rows.Add(Row(AssignmentKeys.Supporting(part.UnitId, task.ConcurrencyStamp), EmailTemplates.Supporting, modelId, task, now));
            }

            await NoticeRows.InsertAsync(connection, transaction, values, sql, rows, keysAreNew: template == EmailTemplates.Assigned, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The tasks' directives as emails name and cite them, and their assigners' names (three queries).</summary>
    private static async Task<(Dictionary<Guid, MailDirective>, Dictionary<Guid, DirectiveReference>, Dictionary<Guid, string>)> LookUpAsync(
        DirectiveFlowDbContext db, IReadOnlyList<UnitTask> tasks, CancellationToken cancellationToken)
    {
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

    private static OutboxMessage Row(string key, string template, long modelId, UnitTask task, DateTimeOffset now) => new()
    {
        DedupeKey = key,
        To = "",
        Subject = "",
        HtmlBody = "",
        TextBody = "",
        Template = template,
        ModelId = modelId,
        TaskId = task.Id,
        DirectiveId = task.DirectiveId,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
