using System.Text.Json.Serialization;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>
/// Create (POST) or update (PUT) a unit. On create, <see cref="ParentId"/>, <see cref="Name"/> and <see cref="Kind"/>
/// are required and <see cref="Code"/> defaults to "{parent code}-{n}". On update, null leaves a field as it is.
/// </summary>
public sealed record SubUnitRequest(
    Guid? ParentId = null,
    string? Code = null,
    string? Name = null,
    [property: JsonConverter(typeof(EnumNameConverter<OrgUnitKind>))] OrgUnitKind? Kind = null,
    string? HeadName = null,
    string? HeadEmail = null,
    string? ContactEmails = null,
    bool? IsActive = null);
