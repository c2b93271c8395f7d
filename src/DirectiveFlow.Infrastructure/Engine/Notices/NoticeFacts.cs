using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Email.Addressing;

namespace DirectiveFlow.Infrastructure.Engine.Notices;

/// <summary>
/// What an engine step already knows for the notices of the tasks it writes: the directive as emails name and cite
/// it, and the assigning unit's name (the engine step's NoticeFactsFor). Given to
/// <see cref="AssignmentNoticeWriter"/>, it saves the writer its three lookups.
/// </summary>
public sealed record NoticeFacts(MailDirective Directive, DirectiveReference Reference, Guid AssignerUnitId, string AssignerName)
{
    /// <summary>Whether these facts are all the notices of <paramref name="tasks"/> need: one directive and one assigner, both these.</summary>
    public bool Cover(IEnumerable<Core.Tasks.UnitTask> tasks) =>
        tasks.All(t => t.DirectiveId == Directive.Id && t.AssignerUnitId == AssignerUnitId);
}
