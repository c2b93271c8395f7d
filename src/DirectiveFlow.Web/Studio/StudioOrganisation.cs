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
        "PARTY" => StudioText.L("Đảng", "Party"),
        "COUNCIL" => StudioText.L("HĐND", "People's Council"),
        "COMMITTEE" => StudioText.L("UBND", "People's Committee"),
        "FRONT" => StudioText.L("MTTQ", "Fatherland Front"),
        _ => code,
    };

    public static string LevelLabel(string level) => level switch
    {
        "province" => StudioText.L("Cấp tỉnh/thành phố", "Province/city"),
        "commune" => StudioText.L("Cấp xã/phường", "Commune/ward"),
        "subunit" => StudioText.L("Đơn vị trực thuộc", "Sub-unit"),
        _ => level,
    };
}
