using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Reports;

/// <summary>
/// The filters of the leadership views; null means "any". The period (<see cref="From"/> inclusive, <see cref="To"/>
/// exclusive) selects the tasks of the directives <em>issued</em> in it (Directive.CreatedAt), so a directive is in or
/// out as a whole and the overview stays the sum of its directives' pages. <see cref="Pillar"/> and
/// <see cref="LocalityCode"/> select by the task's lead unit (a province code takes the province and its communes);
/// <see cref="IssuingUnitId"/>, <see cref="Priority"/> and <see cref="DocumentType"/> by the directive.
/// </summary>
public sealed record ReportFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    Pillar? Pillar = null,
    Guid? IssuingUnitId = null,
    DirectivePriority? Priority = null,
    string? LocalityCode = null,
    DocumentType? DocumentType = null)
{
    public static ReportFilter None { get; } = new();

    /// <summary>The same filter over any period (the trend's weeks set their own).</summary>
    public ReportFilter WithoutPeriod => this with { From = null, To = null };
}
