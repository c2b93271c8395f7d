using DirectiveFlow.Infrastructure.Organisation.Queries;
using Mediator;

namespace DirectiveFlow.Web.Studio;

/// <summary>The organisation as the studio's unit pickers see it: active units searched by code or name (queries of the application layer).</summary>
public sealed class StudioOrganisation(IMediator mediator)
{
    public async Task<IReadOnlyList<UnitOption>> SearchAsync(string? text, int take, CancellationToken cancellationToken) =>
        await mediator.Send(new SearchUnitsQuery(text, take), cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await mediator.Send(new GetUnitNamesByCodeQuery(codes), cancellationToken);

    public static string PillarLabel(string code) => code switch
    {
        "PARTY" => StudioText.L("Studio.Party"),
        "COUNCIL" => StudioText.L("Studio.PeopleSCouncil"),
        "COMMITTEE" => StudioText.L("Studio.PeopleSCommittee"),
        "FRONT" => StudioText.L("Studio.FatherlandFront"),
        _ => code,
    };

    public static string LevelLabel(string level) => level switch
    {
        "national" => StudioText.L("UnitLevel.National"),
        "province" => StudioText.L("Studio.ProvinceCity"),
        "commune" => StudioText.L("Studio.CommuneWard"),
        "subunit" => StudioText.L("Studio.SubUnit"),
        _ => level,
    };
}
