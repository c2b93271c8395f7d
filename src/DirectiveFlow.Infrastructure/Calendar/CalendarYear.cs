using System.Text.Json.Serialization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;

namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>One year of calendar exceptions as the API shows and accepts them.</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarYearDay> Days);

/// <summary>A day off (<see cref="CalendarDayKind.Holiday"/>) or a make-up working day.</summary>
public sealed record CalendarYearDay(
    DateOnly Date,
    [property: JsonConverter(typeof(EnumNameConverter<CalendarDayKind>))] CalendarDayKind Kind,
    string Name);
