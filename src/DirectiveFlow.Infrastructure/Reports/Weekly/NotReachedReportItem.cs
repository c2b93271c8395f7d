namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>An open upstream task that holds back a cascade (see <c>NotReachedItem</c>), with its directive and unit named.</summary>
public sealed record NotReachedReportItem(
    Guid UpstreamTaskId, Guid DirectiveId, string DirectiveNumber, Guid UnitId, string UnitCode, string UnitName, int DaysOverdue, int UnitsWaiting);
