using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// Completes outbox rows that name a shared model (the sweep's rows): each gets its task's model and, addressed by the
/// model's recipient role, its recipients and their greeting (<see cref="MailDirectory"/>). What a batch of rows needs is read at once: the models, the tasks and the
/// units and directives they name (<see cref="MailDirectory.LoadAsync"/>).
/// </summary>
public sealed class SharedModelRows
{
    private readonly Dictionary<long, OutboxModel> _models;
    private readonly Dictionary<Guid, RowTask> _tasks;
    private readonly MailDirectory _directory;

    private SharedModelRows(Dictionary<long, OutboxModel> models, Dictionary<Guid, RowTask> tasks, MailDirectory directory)
    {
        _models = models;
        _tasks = tasks;
        _directory = directory;
    }

    /// <summary>Whether <paramref name="message"/> still waits for <see cref="Complete"/>.</summary>
    public static bool NeedsCompleting(OutboxMessage message) => message.ModelJson is null && message.ModelId is not null;

    public static async Task<SharedModelRows> LoadAsync(
        DirectiveFlowDbContext db, IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var rows = messages.Where(NeedsCompleting).ToList();
        if (rows.Count == 0)
        {
            return new SharedModelRows([], [], new MailDirectory(new Dictionary<Guid, MailUnit>(), new Dictionary<Guid, MailDirective>()));
        }

        var modelIds = rows.Select(m => m.ModelId!.Value).Distinct().ToList();
        var taskIds = rows.Where(m => m.TaskId is not null).Select(m => m.TaskId!.Value).Distinct().ToList();
        var models = await db.OutboxModels.AsNoTracking().Where(m => modelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        // The officer a task is given to, while their account is active, receives its reminders (with the unit's head).
        var tasks = (await (
                from t in db.Tasks.AsNoTracking()
                where taskIds.Contains(t.Id)
                join a in db.Users.Where(u => u.IsActive && u.Email != null && u.Email != "") on t.AssignedUserId equals a.Id into assignees
                from a in assignees.DefaultIfEmpty()
                select new { t.Id, t.Title, t.Instructions, t.UnitId, t.AssignerUnitId, t.DirectiveId, Email = a == null ? null : a.Email, Name = a == null ? null : a.FullName })
            .ToListAsync(cancellationToken))
            .ToDictionary(t => t.Id, t => new RowTask(t.Id, t.Title, t.Instructions, new MailDirectoryTask(t.UnitId, t.AssignerUnitId, t.DirectiveId, null,
                t.Email is null ? null : new MailPerson(t.Email, t.Name ?? t.Email))));
        var addressing = tasks.Values.Select(t => t.Addressing)
            .Concat(rows.Where(m => m.TaskId is { } id && tasks.ContainsKey(id) && AssignmentKeys.SupportingUnitOf(m.DedupeKey) is not null)
                .Select(m => Addressing(m, tasks[m.TaskId!.Value])))
            .ToList();
        var directory = await MailDirectory.LoadAsync(db, addressing, cancellationToken);
        return new SharedModelRows(models, tasks, directory);
    }

    /// <summary>The recipient role of the shared model <paramref name="message"/> names (null for any other row).</summary>
    public string? RoleOf(OutboxMessage message) =>
        message.ModelId is { } id && _models.TryGetValue(id, out var model) ? model.RecipientRole : null;

    /// <summary>
    /// Gives the row its recipients (<see cref="MailDirectory.Recipients"/>) when it has none of its own. Throws (the row
    /// becomes a dead letter, which an administrator can retry) when its model or task is missing or no one can receive it.
    /// </summary>
    public void Address(OutboxMessage message)
    {
        if (!NeedsCompleting(message))
        {
            return;
        }

        var (model, _, addressing) = Row(message);
        if (message.To.Length == 0)
        {
            message.To = OutboxFields.To(_directory.Recipients(model.RecipientRole, addressing).To);
        }

        if (message.To.Length == 0)
        {
            var target = _directory.Target(model.RecipientRole, addressing);
            throw new InvalidOperationException(target is null
                ? $"No one can receive it: no unit is found for '{model.RecipientRole}'."
                : $"No one can receive it: unit {target.Code} ({target.Name}) has no email address for '{model.RecipientRole}'.");
        }
    }

    /// <summary>
    /// Puts the row's completed model in it, greeting its reader in <paramref name="language"/>, the language of the
    /// recipients <see cref="Address"/> gave it.
    /// </summary>
    public void Complete(OutboxMessage message, string language)
    {
        if (!NeedsCompleting(message))
        {
            return;
        }

        var (model, task, addressing) = Row(message);
        var greeting = _directory.Recipients(model.RecipientRole, addressing).Greeting.Text(language);
        var unit = _directory.Unit(task.Addressing.UnitId);
        message.ModelJson = SharedModel.ForTask(model.Json,
            new SharedModelValues(task.Id, task.Title, unit?.Name ?? "", unit?.Code ?? "", unit?.HeadName, greeting, task.Instructions));
    }

    private (OutboxModel Model, RowTask Task, MailDirectoryTask Addressing) Row(OutboxMessage message)
    {
        if (!_models.TryGetValue(message.ModelId!.Value, out var model))
        {
            throw new InvalidOperationException($"The shared model {message.ModelId} is missing.");
        }

        if (message.TaskId is not { } taskId || !_tasks.TryGetValue(taskId, out var task))
        {
            throw new InvalidOperationException($"The task {message.TaskId} of a shared model is missing.");
        }

        return (model, task, Addressing(message, task));
    }

    /// <summary>The row's task as addressing sees it, with the supporting unit the row's key names, if any.</summary>
    private static MailDirectoryTask Addressing(OutboxMessage message, RowTask task) =>
        AssignmentKeys.SupportingUnitOf(message.DedupeKey) is { } unitId ? task.Addressing with { RecipientUnitId = unitId } : task.Addressing;

    private sealed record RowTask(Guid Id, string Title, string Instructions, MailDirectoryTask Addressing);
}
