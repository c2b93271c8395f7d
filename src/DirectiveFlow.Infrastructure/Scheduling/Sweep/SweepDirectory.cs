namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>The units and directives a sweep page needs, to address and describe its emails.</summary>
public sealed class SweepDirectory(IReadOnlyDictionary<Guid, SweepUnit> units, IReadOnlyDictionary<Guid, SweepDirective> directives)
{
    public SweepUnit? Unit(Guid? id) => id is { } v && units.TryGetValue(v, out var unit) ? unit : null;

    public SweepDirective? Directive(Guid id) => directives.TryGetValue(id, out var directive) ? directive : null;

    /// <summary>Who receives an effect addressed to <paramref name="role"/>, and how the email greets them.</summary>
    public (IReadOnlyList<string> To, string Name) Recipients(string role, SweepTask task)
    {
        var unit = Unit(task.UnitId);
        var target = role switch
        {
            EscalationStep.ParentHead => Unit(unit?.ParentId) ?? Unit(task.AssignerUnitId),
            EscalationStep.IssuerLeadership => Unit(Directive(task.DirectiveId)?.IssuingUnitId) ?? Unit(task.AssignerUnitId),
            _ => unit,
        };
        if (target is null)
        {
            return ([], "");
        }

        var contacts = (target.ContactEmails ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IReadOnlyList<string> to = role == EscalationStep.UnitHead || role == EscalationStep.ParentHead
            ? target.HeadEmail is { Length: > 0 } head ? [head] : contacts
            : [.. new[] { target.HeadEmail }.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).Concat(contacts).Distinct(StringComparer.OrdinalIgnoreCase)];
        var name = role == EscalationStep.UnitHead || role == EscalationStep.ParentHead || role == EscalationStep.IssuerLeadership
            ? target.HeadName is { Length: > 0 } headName ? $"{headName} ({target.Name})" : $"Lãnh đạo {target.Name}"
            : target.Name;
        return (to, name);
    }
}

/// <summary>A unit's addressing data.</summary>
public sealed record SweepUnit(Guid Id, string Code, string Name, string? HeadName, string? HeadEmail, string? ContactEmails, Guid? ParentId);

/// <summary>A directive's identifying data.</summary>
public sealed record SweepDirective(Guid Id, string Number, string Title, Guid IssuingUnitId);
