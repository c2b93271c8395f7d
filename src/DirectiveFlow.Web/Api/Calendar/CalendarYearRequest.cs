using DirectiveFlow.Infrastructure.Calendar;

namespace DirectiveFlow.Web.Api.Calendar;

/// <summary>The body of <c>PUT /api/calendar/{year}</c>: the year's complete list of exceptions.</summary>
public sealed record CalendarYearRequest(IReadOnlyList<CalendarYearDay>? Days);
