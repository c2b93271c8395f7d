using DirectiveFlow.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// Identity's user manager, telling the <see cref="SessionValidator"/> of this node whenever it saves an account:
/// every change of stamp, password or lockout goes through <see cref="UpdateUserAsync"/>, so a session ended here
/// ends at once on this node (and on the others within <see cref="SessionOptions.StampCacheSeconds"/>).
/// </summary>
public sealed class StampTrackingUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    SessionValidator sessions)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        sessions.Forget(user.Id);
        return result;
    }
}
