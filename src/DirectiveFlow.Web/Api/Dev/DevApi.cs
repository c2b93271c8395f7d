using System.Xml;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Mailbox;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Scheduling.Digests;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.Web.Api.Problems;
using DirectiveFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveFlow.Web.Api.Dev;

/// <summary>
/// The embedded mailbox (only while the SMTP catcher runs, i.e. demo mode without <c>Smtp:Host</c>) and the demo clock
/// (only in demo mode); otherwise both answer 404. For administrators only: the mailbox holds every unit's mail. Not
/// mapped at all outside Development and Testing (<see cref="DeployedEnvironment"/>).
/// </summary>
public static class DevApi
{
    public static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(400);

    public static IEndpointRouteBuilder MapDevApi(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDeployed())
        {
            return routes;
        }

        var dev = routes.MapGroup("/api/dev").WithTags("Dev").RequireAuthorization(Roles.Administrator);
        dev.MapGet("/mailbox", (int? page, int? pageSize, IServiceProvider services) =>
        {
            if (services.GetService<CaughtMailbox>() is not { } mailbox)
            {
                return ApiProblems.Of(ProblemException.NotFound(ErrorCodes.MailboxOff));
            }

            var request = PageRequest.From(page, pageSize);
            var (items, total) = mailbox.Page(request.Page, request.PageSize);
            return Results.Ok(new PagedResult<MailboxItem>(
                items.Select(m => new MailboxItem(m.Id, m.From, m.To, m.Subject, m.ReceivedAt, m.Text, m.Attachments)).ToList(),
                total, request.Page, request.PageSize));
        });
        dev.MapGet("/clock", (IServiceProvider services) =>
            services.GetService<DemoTimeProvider>() is { } clock ? Results.Ok(ClockState.Of(clock)) : NotDemo());
        dev.MapPost("/clock", async (ClockRequest request, IServiceProvider services, CancellationToken ct) =>
        {
            if (services.GetService<DemoTimeProvider>() is not { } clock)
            {
                return NotDemo();
            }

            if (ParseAdvance(request.Advance) is not { } by)
            {
                return ApiProblems.Of(ProblemException.Invalid("advance", ErrorCodes.AdvanceInvalid, MaxAdvance.TotalDays));
            }

            return Results.Ok(await AdvanceAsync(clock, by, services, ct));
        }).RequireAuthorization(Roles.Administrator);

        // The Mailbox page's form (antiforgery-checked): advance, then back to the page.
        routes.MapPost("/dev/clock", async ([FromForm] string? advance, IServiceProvider services, CancellationToken ct) =>
        {
            if (services.GetService<DemoTimeProvider>() is not { } clock)
            {
                return NotDemo();
            }

            if (ParseAdvance(advance) is { } by)
            {
                await AdvanceAsync(clock, by, services, ct);
            }

            return Results.Redirect("/mailbox");
        }).RequireAuthorization(Roles.Administrator).ExcludeFromDescription();
        return routes;
    }

    /// <summary>
    /// Moves the demo clock (for every node: the offset is shared through the database) and runs the due work, the
    /// day's digest and the week's summary (each sent once per day or week whatever re-runs it) and the dispatch at once,
    /// so the effects show immediately. Quartz keeps real time, so its recurring triggers would not do it for the jump.
    /// </summary>
    public static async Task<ClockState> AdvanceAsync(DemoTimeProvider clock, TimeSpan by, IServiceProvider services, CancellationToken ct)
    {
        var now = await clock.AdvanceAsync(by, ct);
        using var scope = services.CreateScope();
        var due = await scope.ServiceProvider.GetRequiredService<DueWorkRunner>().RunAsync(now, ct);
        await scope.ServiceProvider.GetRequiredService<DailyDigestService>().SendAsync(now, ct);
        await scope.ServiceProvider.GetRequiredService<WeeklySummaryService>().SendAsync(now, ct);
        var dispatched = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(ct);
        return ClockState.Of(clock) with { Effects = due.Sweep.Effects, DelaysResumed = due.DelaysResumed, Sent = dispatched.Sent };
    }

    public static TimeSpan? ParseAdvance(string? value)
    {
        try
        {
            var by = string.IsNullOrWhiteSpace(value) ? TimeSpan.Zero : XmlConvert.ToTimeSpan(value.Trim());
            return by > TimeSpan.Zero && by <= MaxAdvance ? by : null;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return null;
        }
    }

    private static IResult NotDemo() => ApiProblems.Of(ProblemException.NotFound(ErrorCodes.DemoClockOff));

    /// <summary>The body of <c>POST /api/dev/clock</c>.</summary>
    public sealed record ClockRequest(string? Advance);

    /// <summary>One received email in the mailbox listing.</summary>
    public sealed record MailboxItem(Guid Id, string From, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedAt, string Text, IReadOnlyList<string> Attachments);

    /// <summary>The demo clock: now (UTC and Hà Nội time) and how far it is ahead of real time.</summary>
    public sealed record ClockState(DateTimeOffset Now, string NowLocal, string Offset, int Effects = 0, int DelaysResumed = 0, int Sent = 0)
    {
        public static ClockState Of(DemoTimeProvider clock) => new(
            clock.GetUtcNow(),
            VietnamTime.ToLocal(clock.GetUtcNow()).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture),
            XmlConvert.ToString(clock.Offset));
    }
}
