using System.Security.Claims;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Identity.Users;
using DirectiveFlow.Web.Api.Problems;
using Mediator;

namespace DirectiveFlow.Web.Api.Users;

/// <summary>
/// People's accounts (issue 13, part 4): administrators manage everyone, a unit head the officers of their unit — the
/// commands decide (<see cref="UserManagementRights"/>), so every signed-in caller reaches them and others get a 403
/// saying why.
/// </summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/users").RequireAuthorization().AddEndpointFilter<ProblemFilter>().WithTags("Users");
        users.MapGet("/", async (Guid? unitId, string? role, bool? active, string? q, int? page, int? pageSize, ClaimsPrincipal user,
            ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListUsersQuery(
                new UserListFilter(unitId, string.IsNullOrWhiteSpace(role) ? null : role.Trim(), active, q, PageRequest.From(page, pageSize)),
                Caller.Of(user)), ct)));
        users.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetUserQuery(id, Caller.Of(user)), ct)));
        users.MapPost("/", async (UserRequest body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(new CreateUserCommand(body.UserName, body.Input(), body.Password, Caller.Of(user)), ct);
            return TypedResults.Created($"/api/users/{created.User.Id}", created);
        });
        users.MapPut("/{id:guid}", async (Guid id, UserRequest body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateUserCommand(id, body.Input(), Caller.Of(user)), ct)));
        users.MapPost("/{id:guid}/deactivate", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetUserActiveCommand(id, false, Caller.Of(user)), ct)));
        users.MapPost("/{id:guid}/reactivate", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetUserActiveCommand(id, true, Caller.Of(user)), ct)));
        users.MapPost("/{id:guid}/reset-password", async (Guid id, ResetPasswordRequest? body, ClaimsPrincipal user, ISender sender,
            CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ResetPasswordCommand(id, body?.Password, Caller.Of(user)), ct)));
        return routes;
    }
}
