using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>
/// Checks the issuer's <c>targets</c> and records them in the inputs (<see cref="ChosenTargets"/>): the activity must be
/// a narrowable Cascade of the flow; the list (unit codes or commune codes, not both) must not be empty; each code must
/// exist and lie in the cascade's full set for this issuer (<see cref="CascadeTargets.FullSetAsync"/>). A null choice names
/// no list and is refused as one that names both. A bad code is
/// reported under <c>targets.{id}.unitCodes[i]</c> with its line (i + 1); duplicates are ignored. A commune code
/// picks the units of that commune the cascade would reach.
/// </summary>
public static class IssueTargetRules
{
    public static async Task CheckAsync(
        DirectiveFlowDbContext db, CompiledWorkflow flow, IReadOnlyDictionary<string, TargetChoice>? targets, Guid issuingUnitId,
        JsonObject inputs, FieldErrors errors, CancellationToken cancellationToken)
    {
        foreach (var (activityId, choice) in targets ?? new Dictionary<string, TargetChoice>())
        {
            var field = $"targets.{activityId}";
            if (Problem(flow, activityId) is { } problem)
            {
                errors.Add(field, problem, activityId);
                continue;
            }

            // JSON does not enforce nullability: {"targets": {"id": null}} arrives as a null choice, which names no list.
            var byLocality = choice?.LocalityCodes is not null;
            if (choice is null || byLocality == (choice.UnitCodes is not null))
            {
                errors.Add(field, ErrorCodes.TargetsOneList);
                continue;
            }

            var codes = (byLocality ? choice.LocalityCodes! : choice.UnitCodes!).Select(c => c?.Trim() ?? "").ToList();
            var listField = $"{field}.{(byLocality ? "localityCodes" : "unitCodes")}";
            if (codes.All(c => c.Length == 0))
            {
                errors.Add(listField, ErrorCodes.TargetsEmpty);
                continue;
            }

            var full = await CascadeTargets.FullSetAsync(db, flow, activityId, issuingUnitId, inputs, cancellationToken);
            var chosen = byLocality
                ? await ByLocalityAsync(db, full, codes, listField, errors, cancellationToken)
                : await ByUnitAsync(db, full, codes, listField, errors, cancellationToken);
            ChosenTargets.Put(inputs, activityId, chosen, byLocality ? codes.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal) : null);
        }
    }

    private static string? Problem(CompiledWorkflow flow, string activityId)
    {
        var activity = flow.Definition.Activities.FirstOrDefault(a => a.Id == activityId);
        if (activity is null)
        {
            return ErrorCodes.TargetsUnknownActivity;
        }

        if (activity.Type != ActivityTypes.Cascade)
        {
            return ErrorCodes.TargetsNotCascade;
        }

        return flow.Properties<CascadeProperties>(activityId).Narrowable ? null : ErrorCodes.TargetsNotNarrowable;
    }

    private static async Task<List<string>> ByUnitAsync(
        DirectiveFlowDbContext db, List<Engine.Runtime.TargetUnit> full, List<string> codes, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        var inSet = full.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var known = await FindTargetCodesHandler.KnownAsync(db, codes, localities: false, cancellationToken);
        Report(codes, known, inSet, field, errors);
        return full.Where(u => codes.Contains(u.Code, StringComparer.Ordinal)).Select(u => u.Code).ToList();
    }

    private static async Task<List<string>> ByLocalityAsync(
        DirectiveFlowDbContext db, List<Engine.Runtime.TargetUnit> full, List<string> codes, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        var ids = full.Select(u => u.Id).ToList();
        var localityOf = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Code, u => u.LocalityCode, StringComparer.Ordinal, cancellationToken);
        var inSet = localityOf.Values.ToHashSet(StringComparer.Ordinal);
        var known = await FindTargetCodesHandler.KnownAsync(db, codes, localities: true, cancellationToken);
        Report(codes, known, inSet, field, errors);
        return full.Where(u => codes.Contains(localityOf[u.Code], StringComparer.Ordinal)).Select(u => u.Code).ToList();
    }

    private static void Report(List<string> codes, HashSet<string> known, HashSet<string> inSet, string field, FieldErrors errors)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (code.Length == 0)
            {
                continue;
            }

            if (!known.Contains(code))
            {
                errors.Add($"{field}[{i}]", ErrorCodes.TargetUnknownCode, code, i + 1);
            }
            else if (!inSet.Contains(code))
            {
                errors.Add($"{field}[{i}]", ErrorCodes.TargetOutsideSet, code, i + 1);
            }
        }
    }
}
