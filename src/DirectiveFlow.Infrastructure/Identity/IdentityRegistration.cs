using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Identity;

public static class IdentityRegistration
{
    /// <summary>
    /// Identity on EF Core: users, roles, sign-in with lockout. Authentication schemes (cookie, bearer) are added by
    /// the web host, which owns the HTTP side.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = LockoutPolicy.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutPolicy.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                // Unit codes ("00070-PARTY", "00070-party.head") are the usernames of unit accounts.
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<DirectiveFlowDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DirectiveFlowClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<Users.UserAccounts>();
        return services;
    }
}
