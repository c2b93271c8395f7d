using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.Choices;
using Mediator;

namespace DirectiveFlow.Web.Components.Overview;

/// <summary>
/// What the overview's filters offer a caller and how a typed locality is read, asked of the reports' queries
/// (<c>Reports/Choices</c>): the units that issued the directives the caller reads, the localities of the caller's
/// scope, and the scope's name.
/// </summary>
public sealed class OverviewChoices(ISender sender)
{
    public async Task<IReadOnlyList<OverviewChoice>> IssuersAsync(CancellationToken cancellationToken) =>
        (await sender.Send(new ListReportIssuersQuery(), cancellationToken)).Select(u => new OverviewChoice(u.Id.ToString(), u.Name)).ToList();

    /// <summary>The localities offered, province first; each sent by its full name (codes are resolved too, by <see cref="ResolveLocalityAsync"/>).</summary>
    public async Task<IReadOnlyList<Locality>> LocalitiesAsync(ReportScope scope, CancellationToken cancellationToken) =>
        await sender.Send(new ListReportLocalitiesQuery(scope), cancellationToken);

    /// <summary>The locality a typed value means, one among <paramref name="offered"/> preferred; null when none.</summary>
    public async Task<Locality?> ResolveLocalityAsync(string? text, IReadOnlyList<Locality> offered, CancellationToken cancellationToken) =>
        await sender.Send(new FindLocalityQuery(text, offered), cancellationToken);

    /// <summary>Whose figures these are: a head's unit, the province of an issuer or observer, or null for everything.</summary>
    public async Task<string?> ScopeNameAsync(ReportScope scope, CancellationToken cancellationToken) =>
        await sender.Send(new GetReportScopeNameQuery(scope), cancellationToken);
}
