using System.Text.Json.Nodes;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>
/// Checks the items of an itemized document at issue (each flow input of type "items") and turns them into
/// <see cref="DirectiveItem"/> rows. Besides the shape (<see cref="ItemEntries"/>): every lead and supporting unit must
/// be an active unit within the issuer's reach (<see cref="Provinces.ActiveInReachAsync"/>); a date must be a working
/// day whose end (17:00) has not passed, and neither a date nor working days may fall after the document's overall
/// deadline. Each problem is reported under <c>inputs.{name}[i].{part}</c>, so a page pins it to its row. The input
/// itself then holds the number of items; the rows are the record.
/// </summary>
public static class IssueItemRules
{
    public static async Task<List<DirectiveItem>> CheckAsync(
        DirectiveFlowDbContext db, WorkflowDefinition flow, JsonObject inputs, Guid? issuingUnitId, DirectiveDocument? document,
        DateTimeOffset now, IWorkingDayCalendar calendar, FieldErrors errors, CancellationToken cancellationToken)
    {
        var items = new List<DirectiveItem>();
        foreach (var input in flow.Inputs.Where(i => i.Type == WorkflowInput.ItemsType))
        {
            var field = $"inputs.{input.Name}";
            if (inputs[input.Name] is null && !input.Required)
            {
                continue;
            }

            var entries = ItemEntries.Read(inputs[input.Name], field, errors);
            var units = await UnitsAsync(db, entries, issuingUnitId, cancellationToken);
            foreach (var entry in entries)
            {
                var at = $"{field}[{entry.Ordinal - 1}]";
                var lead = entry.LeadCode is null ? null : Unit(units, entry, entry.LeadCode, $"{at}.leadUnit", errors);
                var supporting = new List<Guid>();
                for (var j = 0; j < entry.SupportingCodes.Count; j++)
                {
                    if (Unit(units, entry, entry.SupportingCodes[j], $"{at}.supportingUnits[{j}]", errors) is { } id && id != lead)
                    {
                        supporting.Add(id);
                    }
                }

                CheckDeadline(entry, document, now, calendar, $"{at}.deadline", errors);
                items.Add(new DirectiveItem
                {
                    Id = Guid.CreateVersion7(now),
                    Ordinal = entry.Ordinal,
                    Number = entry.Number,
                    Content = entry.Content,
                    LeadUnitId = lead ?? Guid.Empty,
                    SupportingUnitIds = supporting,
                    DeadlineDate = entry.DeadlineDate,
                    DeadlineDays = entry.DeadlineDays,
                    Periodic = entry.Periodic,
                    Priority = entry.Priority,
                });
            }

            inputs[input.Name] = entries.Count;
        }

        return items;
    }

    private static Guid? Unit(Dictionary<string, (Guid Id, bool InReach)> units, ItemEntry entry, string code, string field, FieldErrors errors)
    {
        if (!units.TryGetValue(code, out var unit))
        {
            errors.Add(field, ErrorCodes.ItemUnknownUnit, entry.Number, code);
            return null;
        }

        if (!unit.InReach)
        {
            errors.Add(field, ErrorCodes.ItemUnitOutside, entry.Number, code);
            return null;
        }

        return unit.Id;
    }

    /// <summary>The active units the entries name, by code, with whether the issuer may give them work.</summary>
    private static Task<Dictionary<string, (Guid Id, bool InReach)>> UnitsAsync(
        DirectiveFlowDbContext db, List<ItemEntry> entries, Guid? issuingUnitId, CancellationToken cancellationToken) =>
        Provinces.ActiveInReachAsync(
            db, entries.SelectMany(e => e.SupportingCodes.Prepend(e.LeadCode)).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            issuingUnitId, cancellationToken);

    private static void CheckDeadline(
        ItemEntry entry, DirectiveDocument? document, DateTimeOffset now, IWorkingDayCalendar calendar, string field, FieldErrors errors)
    {
        // A date means 17:00 that day (DeadlineCalculator), as the overall deadline does: compared as a day, an item due
        // today issued at 18:00 was born overdue. A day off (a Sunday, Tết) is no deadline an official can meet.
        if (entry.DeadlineDate is { } date)
        {
            if (DirectiveDocument.DeadlineInstant(date) < now)
            {
                errors.Add(field, ErrorCodes.ItemDeadlinePassed, entry.Number, DirectiveDocument.Format(date), DirectiveDocument.Format(VietnamTime.DateOf(now)));
                return;
            }

            if (!calendar.IsWorkingDay(date))
            {
                errors.Add(field, ErrorCodes.ItemDeadlineNotWorkingDay, entry.Number, DirectiveDocument.Format(date));
                return;
            }
        }

        if (document?.Deadline is not { } overall)
        {
            return;
        }

        var due = entry.DeadlineDate ?? (entry.DeadlineDays is { } days ? VietnamTime.DateOf(calendar.AddWorkingDays(now, days)) : null);
        if (due is { } day && day > overall)
        {
            errors.Add(field, ErrorCodes.ItemDeadlineAfterDirective, entry.Number, DirectiveDocument.Format(day), DirectiveDocument.Format(overall));
        }
    }
}
