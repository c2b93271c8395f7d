using System.Text.Json.Nodes;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>
/// Issues a directive on the latest published version of a flow: the directive, its instance and the first step of
/// the flow commit in one transaction; a large cascade's batches follow (in the background by default).
/// A refusal throws <see cref="ProblemException"/> with every field error. The right of <paramref name="Caller"/> to issue for
/// <paramref name="IssuingUnitId"/> is decided here (<see cref="IssueRule"/>), for the API and the page alike; only
/// <see cref="Caller.System"/> (seeding, tests) issues without that check. A flow that declares its issuers
/// (<see cref="Core.Workflows.WorkflowIssuers"/>) is issued only for the units it allows, by every caller but the system.
/// </summary>
public sealed record IssueDirectiveCommand(
    string? Number, string? Title, string? Body, DirectivePriority Priority, Guid IssuingUnitId, string? WorkflowDefinitionId,
    JsonObject? Inputs, string Actor, Caller Caller, DocumentType? DocumentType = null, DirectiveDocument? Document = null)
    : ICommand<IssueDirectiveResult>
{
    /// <summary>The issuer's choice of units per narrowable cascade (<see cref="IssueTargetRules"/>); null reaches every target.</summary>
    public IReadOnlyDictionary<string, TargetChoice>? Targets { get; init; }

    /// <summary>
    /// The client's key for this issue (<see cref="Directive.IssueKey"/>): a second command with the same key from the same
    /// actor answers the directive the first issued, or a conflict when it asks for a different one. Null: no such guard.
    /// </summary>
    public string? IssueKey { get; init; }
}

public sealed class IssueDirectiveHandler(
    DirectiveFlowDbContext db, IWorkflowEngine engine, WorkflowDefinitionCache definitions, TimeProvider time, IWorkingDayCalendar calendar)
    : ICommandHandler<IssueDirectiveCommand, IssueDirectiveResult>
{
    public async ValueTask<IssueDirectiveResult> Handle(IssueDirectiveCommand command, CancellationToken cancellationToken)
    {
        if (command.Caller.Principal is { } caller && !IssueRule.MayIssueFor(caller, command.IssuingUnitId))
        {
            throw ProblemException.Forbidden(ErrorCodes.IssueForbidden);
        }

        var issueKey = string.IsNullOrWhiteSpace(command.IssueKey) ? null : command.IssueKey.Trim();
        if (issueKey is not null)
        {
            if (TextRules.Line(issueKey, InputLimits.IssueKeyLength) is { } badKey)
            {
                throw ProblemException.Invalid("issueKey", badKey);
            }

            if (await IssuedBeforeAsync(command, issueKey, cancellationToken) is { } before)
            {
                return before;
            }
        }

        var errors = new FieldErrors();
        var now = time.GetUtcNow();
        DirectiveDocumentRules.Check(command.Document, now, errors);
        errors.Report("number", TextRules.Line(command.Number, InputLimits.NumberLength));
        errors.Report("title", TextRules.Line(command.Title, InputLimits.TitleLength));
        errors.Report("body", TextRules.Paragraphs(command.Body, InputLimits.DirectiveBodyLength));
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == command.IssuingUnitId && u.IsActive, cancellationToken);
        if (unit is null)
        {
            errors.Add("issuingUnitId", ErrorCodes.UnknownIssuingUnit);
        }

        var record = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == command.WorkflowDefinitionId && d.IsPublished)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        var inputs = command.Inputs?.DeepClone().AsObject() ?? [];
        var items = new List<Core.Directives.Items.DirectiveItem>();
        if (record is null)
        {
            errors.Add("workflowDefinitionId", ErrorCodes.UnknownWorkflow);
        }
        else
        {
            var flow = await definitions.GetAsync(db, record.Id, cancellationToken);
            if (command.Caller.Principal is not null && unit is not null)
            {
                IssueRule.CheckFlowAllows(flow.Definition, unit);
            }

            var issuerDefaults = unit is null ? null : await IssuerUnitDefaults.ForAsync(db, flow.Definition.Inputs, unit.Id, cancellationToken);
            DirectiveInputs.Complete(flow.Definition, inputs, command.Priority, errors, issuerDefaults);
            await CheckUnitInputsAsync(DirectiveInputs.UnitCodes(flow.Definition, inputs).ToList(), unit?.Id, errors, cancellationToken);
            DirectiveDocumentRules.CheckDeadlineInputs(flow.Definition, inputs, command.Document, now, calendar, errors);
            items = await IssueItemRules.CheckAsync(db, flow.Definition, inputs, unit?.Id, command.Document, now, calendar, errors, cancellationToken);
            if (unit is not null)
            {
                await IssueTargetRules.CheckAsync(db, flow, command.Targets, unit.Id, inputs, errors, cancellationToken);
            }
        }

        errors.ThrowIfAny();

        var directive = new Directive
        {
            Id = Guid.CreateVersion7(now),
            Number = command.Number!.Trim(),
            Title = command.Title!.Trim(),
            Body = command.Body ?? "",
            Priority = command.Priority,
            DocumentType = command.DocumentType,
            IssuingUnitId = command.IssuingUnitId,
            WorkflowDefinitionId = record!.DefinitionId,
            WorkflowVersion = record.Version,
            InputsJson = inputs.ToJsonString(),
            CreatedAt = now,
            CreatedBy = command.Actor,
            IssueKey = issueKey,
        };
        command.Document?.ApplyTo(directive);
        try
        {
            return await IssueAsync(command, directive, record, items, cancellationToken);
        }
        catch (DbUpdateException) when (issueKey is not null)
        {
            // The same key sent twice at once: the other request issued it (the unique key refused this one's row).
            if (await IssuedBeforeAsync(command, issueKey, cancellationToken) is { } before)
            {
                return before;
            }

            throw;
        }
    }

    /// <summary>
    /// The directive this actor already issued with <paramref name="issueKey"/>, as a replayed result; null when none. The
    /// same key asking for a different directive (number, title, issuing unit or flow) is a conflict, not a replay.
    /// </summary>
    private async Task<IssueDirectiveResult?> IssuedBeforeAsync(IssueDirectiveCommand command, string issueKey, CancellationToken cancellationToken)
    {
        var before = await db.Directives.AsNoTracking()
            .Where(d => d.CreatedBy == command.Actor && d.IssueKey == issueKey)
            .Select(d => new { d.Id, d.InstanceId, d.Number, d.Title, d.IssuingUnitId, d.WorkflowDefinitionId })
            .SingleOrDefaultAsync(cancellationToken);
        if (before is null)
        {
            return null;
        }

        var same = before.Number == command.Number?.Trim() && before.Title == command.Title?.Trim()
            && before.IssuingUnitId == command.IssuingUnitId && before.WorkflowDefinitionId == command.WorkflowDefinitionId;
        return same
            ? new IssueDirectiveResult(before.Id, before.InstanceId, Replayed: true)
            : throw ProblemException.Conflict(ErrorCodes.IssueKeyReused, before.Number);
    }

    private async Task<IssueDirectiveResult> IssueAsync(
        IssueDirectiveCommand command, Directive directive, Core.Workflows.WorkflowDefinitionRecord record, List<Core.Directives.Items.DirectiveItem> items,
        CancellationToken cancellationToken)
    {
        return await engine.RunStepAsync(db, async () =>
        {
            db.Directives.Add(directive);
            foreach (var item in items)
            {
                item.DirectiveId = directive.Id;
            }

            db.DirectiveItems.AddRange(items);
            try
            {
                var step = await engine.StartInstanceAsync(db, directive, record, command.Actor, cancellationToken);
                return StepOutcome.Committed(new IssueDirectiveResult(directive.Id, directive.InstanceId), step.DeferredCascades);
            }
            catch (FlowFaultException e)
            {
                throw ProblemException.Invalid("workflowDefinitionId", ErrorCodes.FlowCannotStart, e.Problem);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// A unit input (e.g. the committee flow's <c>leadUnit</c>) must name active units that exist, within the issuer's
    /// reach as numbered items must (<see cref="Provinces.ActiveInReachAsync"/>): the engine gives them work, and Hà Nội's
    /// UBND once got the task of a directive of Đà Nẵng that left the Hà Nội default in place.
    /// </summary>
    private async Task CheckUnitInputsAsync(List<(string Input, string Code)> wanted, Guid? issuingUnitId, FieldErrors errors, CancellationToken cancellationToken)
    {
        var codes = wanted.Select(w => w.Code).Distinct(StringComparer.Ordinal).ToList();
        var known = await Provinces.ActiveInReachAsync(db, codes, issuingUnitId, cancellationToken);
        foreach (var missing in wanted.Where(w => !known.ContainsKey(w.Code)).GroupBy(w => w.Input))
        {
            var list = string.Join(", ", missing.Select(m => $"'{m.Code}'"));
            errors.Add($"inputs.{missing.Key}", ErrorCodes.UnknownUnitCodes, list);
        }

        foreach (var outside in wanted.Where(w => known.TryGetValue(w.Code, out var u) && !u.InReach).GroupBy(w => w.Input))
        {
            var list = string.Join(", ", outside.Select(m => $"'{m.Code}'"));
            errors.Add($"inputs.{outside.Key}", ErrorCodes.InputUnitOutside, list);
        }
    }
}
