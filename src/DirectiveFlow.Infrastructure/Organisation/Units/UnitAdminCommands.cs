using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Identity;
using Mediator;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>
/// Renames a unit and sets its contact emails (the admin units screen); null leaves a field as it is. The rules are
/// <see cref="SubUnitEditor"/>'s: a pillar unit keeps its imported name. Only an administrator may.
/// </summary>
public sealed record EditUnitCommand(Guid UnitId, string? Name, string? ContactEmails, Caller Caller) : ICommand<UnitDto>;

/// <summary>Adds a sub-unit under <paramref name="ParentId"/>; the code defaults to "{parent code}-{n}". Only an administrator may.</summary>
public sealed record AddSubUnitCommand(Guid ParentId, string? Name, string? Code, OrgUnitKind? Kind, string? ContactEmails, Caller Caller) : ICommand<UnitDto>;

public sealed class UnitAdminHandler(SubUnitEditor editor) :
    ICommandHandler<EditUnitCommand, UnitDto>,
    ICommandHandler<AddSubUnitCommand, UnitDto>
{
    public async ValueTask<UnitDto> Handle(EditUnitCommand command, CancellationToken cancellationToken)
    {
        AdministratorRule.Demand(command.Caller);
        return await editor.UpdateAsync(command.UnitId, new SubUnitRequest(Name: command.Name, ContactEmails: command.ContactEmails), cancellationToken);
    }

    public async ValueTask<UnitDto> Handle(AddSubUnitCommand command, CancellationToken cancellationToken)
    {
        AdministratorRule.Demand(command.Caller);
        var request = new SubUnitRequest(command.ParentId, string.IsNullOrWhiteSpace(command.Code) ? null : command.Code, command.Name, command.Kind,
            ContactEmails: command.ContactEmails);
        return await editor.CreateAsync(request, cancellationToken);
    }
}
