using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Identity;
using Mediator;

namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>
/// Adds one day off or make-up working day to its year (the admin calendar screen). The year's rules apply
/// (<see cref="CalendarEditor.Validate"/>): a refusal is a 400 with the reason under "date", "kind" or "name".
/// </summary>
public sealed record AddCalendarDayCommand(DateOnly? Date, CalendarDayKind? Kind, string? Name, Caller Caller) : ICommand<CalendarChange>;

/// <summary>Removes one exception from the calendar; 404 (<see cref="ErrorCodes.CalendarDayNotFound"/>) when the day has none.</summary>
public sealed record RemoveCalendarDayCommand(DateOnly Date, Caller Caller) : ICommand<CalendarChange>;

public sealed class CalendarDayHandler(CalendarEditor editor) :
    ICommandHandler<AddCalendarDayCommand, CalendarChange>,
    ICommandHandler<RemoveCalendarDayCommand, CalendarChange>
{
    public async ValueTask<CalendarChange> Handle(AddCalendarDayCommand command, CancellationToken cancellationToken)
    {
        AdministratorRule.Demand(command.Caller);
        var errors = new FieldErrors();
        if (command.Date is null)
        {
            errors.Add("date", ErrorCodes.Required);
        }

        if (command.Kind is null || !Enum.IsDefined(command.Kind.Value))
        {
            errors.Add("kind", ErrorCodes.DayKind);
        }

        errors.Report("name", TextRules.Line(command.Name, 200));
        errors.ThrowIfAny();

        var date = command.Date!.Value;
        var current = await editor.GetAsync(date.Year, cancellationToken);
        var days = current.Days.Append(new CalendarYearDay(date, command.Kind!.Value, command.Name!.Trim())).ToList();
        var yearErrors = CalendarEditor.Validate(date.Year, days);
        // The new day is the list's last; its reason (or the year's range) is the date field's.
        foreach (var key in new[] { "year", $"days[{days.Count - 1}]" })
        {
            if (yearErrors.TryGetValue(key, out var reasons))
            {
                errors["date"] = reasons;
            }
        }

        errors.ThrowIfAny();
        return await editor.ReplaceAsync(date.Year, days, command.Caller, cancellationToken);
    }

    public async ValueTask<CalendarChange> Handle(RemoveCalendarDayCommand command, CancellationToken cancellationToken)
    {
        AdministratorRule.Demand(command.Caller);
        var current = await editor.GetAsync(command.Date.Year, cancellationToken);
        if (current.Days.All(d => d.Date != command.Date))
        {
            throw ProblemException.NotFound(ErrorCodes.CalendarDayNotFound, command.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }

        return await editor.ReplaceAsync(command.Date.Year, current.Days.Where(d => d.Date != command.Date).ToList(), command.Caller, cancellationToken);
    }
}
