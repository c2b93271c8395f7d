using System.Text.Json.Serialization;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>An organisation unit as the API shows it; enums travel as their names ("Party", "Commune").</summary>
public sealed record UnitDto(
    Guid Id,
    string Code,
    string Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Pillar>))] Pillar Pillar,
    [property: JsonConverter(typeof(JsonStringEnumConverter<UnitLevel>))] UnitLevel Level,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OrgUnitKind>))] OrgUnitKind Kind,
    Guid? ParentId,
    string LocalityCode,
    string? HeadName,
    string? HeadEmail,
    string? ContactEmails,
    bool IsActive)
{
    public static readonly System.Linq.Expressions.Expression<Func<OrgUnit, UnitDto>> Projection = u => new UnitDto(
        u.Id, u.Code, u.Name, u.Pillar, u.Level, u.Kind, u.ParentId, u.LocalityCode, u.HeadName, u.HeadEmail, u.ContactEmails, u.IsActive);

    private static readonly Func<OrgUnit, UnitDto> Compiled = Projection.Compile();

    public static UnitDto From(OrgUnit unit) => Compiled(unit);
}
