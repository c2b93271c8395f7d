using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Web.Api.Problems;

namespace DirectiveFlow.Web.Api.Organisation;

/// <summary>Units for every signed-in user; import and sub-unit editing for administrators.</summary>
public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder routes)
    {
        var units = routes.MapGroup("/api/units").WithTags("Organisation").RequireAuthorization();
        units.MapGet("/", ListAsync);
        units.MapGet("/{id:guid}", async (Guid id, UnitDirectory directory, CancellationToken ct) =>
            await directory.FindAsync(id, ct) is { } unit ? Results.Ok(unit) : NotFound(id));
        units.MapPost("/", async (SubUnitRequest request, SubUnitEditor editor, CancellationToken ct) =>
        {
            var unit = await editor.CreateAsync(request, ct);
            return Results.Created($"/api/units/{unit.Id}", unit);
        }).RequireAuthorization(Roles.Administrator).AddEndpointFilter<ProblemFilter>();
        units.MapPut("/{id:guid}", async (Guid id, SubUnitRequest request, SubUnitEditor editor, CancellationToken ct) =>
            Results.Ok(await editor.UpdateAsync(id, request, ct))).RequireAuthorization(Roles.Administrator).AddEndpointFilter<ProblemFilter>();

        routes.MapPost("/api/org/localities/import", ImportAsync).WithTags("Organisation")
            .RequireAuthorization(Roles.Administrator)
            .WithDescription("Body: the CSV file itself (text/csv, UTF-8), 'code,name,type' or 'province_code,province_name,code,name,type'.")
            .DisableAntiforgery()
            .WithRequestBodyLimit(InputLimits.LargeRequestBodyBytes);
        return routes;
    }

    private static async Task<IResult> ListAsync(
        UnitDirectory directory, string? pillar, string? level, string? locality, Guid? parentId, string? q,
        bool? active, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var pillarValue = ParseEnum<Pillar>(pillar, "pillar", errors);
        var levelValue = ParseEnum<UnitLevel>(level, "level", errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var filter = new UnitFilter(pillarValue, levelValue, locality?.Trim(), parentId, q, active);
        return Results.Ok(await directory.ListAsync(filter, PageRequest.From(page, pageSize), ct));
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, OrganisationImporter importer, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var result = await importer.ImportAsync(buffer.ToArray(), ct);
        if (!result.Succeeded)
        {
            var problems = result.Problems;
            return ApiProblems.Of(new ProblemException(ProblemKind.Invalid, new ErrorMessage(ErrorCodes.ImportRejected, problems.Count)).With("errors",
                new WordedValue(english => problems.Select(p => new { line = p.Line, code = p.Problem.Code, message = p.Problem.Text(english) }).ToArray())));
        }

        return Results.Ok(new
        {
            created = result.Communes.Created,
            updated = result.Communes.Updated,
            unchanged = result.Communes.Unchanged,
            provinces = result.Provinces,
            units = result.Units,
            accountsCreated = result.AccountsCreated,
            notInFile = result.NotInFile,
        });
    }

    private static TEnum? ParseEnum<TEnum>(string? value, string name, FieldErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var normalised = value.Trim().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (Enum.TryParse<TEnum>(normalised, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors.Add(name, ErrorCodes.NotAllowed, value, string.Join(", ", Enum.GetNames<TEnum>()));
        return null;
    }

    private static IResult NotFound(Guid id) => ApiProblems.Of(ProblemException.NotFound(ErrorCodes.UnitNotFound, id));
}
