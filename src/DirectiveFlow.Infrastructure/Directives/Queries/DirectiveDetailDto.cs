using System.Text.Json.Nodes;
using DirectiveFlow.Infrastructure.Directives.Attachments;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// A directive with its flow's state, progress overall and per pillar, and cascade writing progress;
/// <see cref="DocumentType"/> is the type's name ("Conclusion", …), null for a directive issued without one; the
/// document's issue date, signer, summary and overall deadline (17:00 Hà Nội time of its day) are null when not recorded;
/// <see cref="Attachments"/> are the signed document's files.
/// </summary>
public sealed record DirectiveDetailDto(
    Guid Id, string Number, string Title, string Body, string Priority, Guid IssuingUnitId, string IssuingUnitName,
    string WorkflowDefinitionId, int WorkflowVersion, Guid InstanceId, string Status, JsonObject Inputs,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? CompletedAt,
    DirectiveProgress Progress, IReadOnlyList<PillarProgress> ByPillar, CascadeProgress Cascade, string? DocumentType = null,
    DateOnly? IssuedOn = null, SignerDto? Signer = null, string? Summary = null, DateTimeOffset? Deadline = null,
    IReadOnlyList<DirectiveAttachmentDto>? Attachments = null)
{
    /// <summary>The issuer's choice per narrowable cascade (<c>{"&lt;id&gt;": {"unitCodes": […], "localityCodes": […]?}}</c>); null when none.</summary>
    public JsonObject? Targets { get; init; }

    /// <summary>When, by whom and why the directive was withdrawn (<c>WithdrawDirectiveCommand</c>); null while it stands.</summary>
    public DirectiveWithdrawalDto? Withdrawal { get; init; }

    /// <summary>
    /// Once withdrawn, how many of its tasks are cancelled (stopped): <see cref="Progress"/> counts no cancelled task, so
    /// alone it reads "0 of 0" as if nothing had been assigned; null while the directive stands.
    /// </summary>
    public int? StoppedTasks { get; init; }
}

/// <summary>A directive's withdrawal: when, the account (<see cref="By"/>) and how it reads (<see cref="ByName"/>), and why.</summary>
public sealed record DirectiveWithdrawalDto(DateTimeOffset At, string By, string ByName, string Reason);
