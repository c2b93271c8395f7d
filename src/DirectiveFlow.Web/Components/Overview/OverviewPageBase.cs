using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Reports;
using Microsoft.AspNetCore.Components;

namespace DirectiveFlow.Web.Components.Overview;

/// <summary>
/// What every leadership page starts from: the caller's <see cref="ReportScope"/> (the API's own) and the overview's
/// filters read from the query string, so the overview, its drill-downs and the ranking count the same tasks.
/// </summary>
public abstract class OverviewPageBase : ComponentBase
{
    [Inject]
    protected Mediator.IMediator Mediator { get; set; } = default!;

    [Inject]
    protected ReportScopeResolver Scopes { get; set; } = default!;

    [Inject]
    protected OverviewChoices Choices { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "period")]
    protected string? PeriodText { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    protected string? FromText { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    protected string? ToText { get; set; }

    [SupplyParameterFromQuery(Name = "pillar")]
    protected string? PillarText { get; set; }

    [SupplyParameterFromQuery(Name = "issuer")]
    protected string? IssuerText { get; set; }

    [SupplyParameterFromQuery(Name = "priority")]
    protected string? PriorityText { get; set; }

    [SupplyParameterFromQuery(Name = "documentType")]
    protected string? DocumentTypeText { get; set; }

    [SupplyParameterFromQuery(Name = "locality")]
    protected string? LocalityText { get; set; }

    /// <summary>The filters as read; links carry them.</summary>
    protected OverviewQuery Query { get; private set; } = OverviewQuery.None;

    /// <summary>The caller's scope; null only for a caller without reports (the page's roles keep officers out).</summary>
    protected ReportScope? Scope { get; private set; }

    protected ReportFilter Filter { get; private set; } = ReportFilter.None;

    /// <summary>Today in Hà Nội, for the periods.</summary>
    protected DateOnly Today { get; private set; }

    protected IReadOnlyList<Locality> Localities { get; private set; } = [];

    /// <summary>The locality the filter names, when it names one.</summary>
    protected Locality? SelectedLocality { get; private set; }

    /// <summary>A locality typed that names none (the page says so, and counts without it).</summary>
    protected string? UnknownLocality { get; private set; }

    /// <summary>Reads scope and filters; false (and a 404) when the caller has no reports.</summary>
    protected async Task<bool> ReadFiltersAsync()
    {
        Scope = await Scopes.GetAsync(default);
        if (Scope is null)
        {
            Navigation.NotFound();
            return false;
        }

        Today = VietnamTime.DateOf(Time.GetUtcNow());
        Localities = await Choices.LocalitiesAsync(Scope, default);
        Query = OverviewQuery.Parse(PeriodText, FromText, ToText, PillarText, IssuerText, PriorityText, LocalityText, DocumentTypeText);
        SelectedLocality = await Choices.ResolveLocalityAsync(Query.Locality, Localities, default);
        UnknownLocality = SelectedLocality is null ? Query.Locality : null;
        Query = Query with { Locality = SelectedLocality?.Code };
        Filter = Query.ToFilter(Today, SelectedLocality?.Code);
        return true;
    }
}
