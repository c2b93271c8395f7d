namespace DirectiveFlow.Web.Components.Overview;

/// <summary>
/// The periods the overview offers: any time (the default), the current week (Monday to Sunday), month or quarter in
/// Hà Nội time, or a custom range of days. A period selects the directives issued in it.
/// </summary>
public enum OverviewPeriod
{
    All = 0,
    Week = 1,
    Month = 2,
    Quarter = 3,
    Custom = 4,
}
