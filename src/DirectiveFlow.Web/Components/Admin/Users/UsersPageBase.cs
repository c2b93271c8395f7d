using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Identity.Users;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace DirectiveFlow.Web.Components.Admin.Users;

/// <summary>What the users pages share: the caller (whose rights the commands check) and whether they manage as a unit head.</summary>
public abstract class UsersPageBase : ComponentBase
{
    [Inject]
    protected IMediator Mediator { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected Caller Caller { get; private set; } = default!;

    /// <summary>A unit head who is not an administrator: sees and manages the officers of their unit only.</summary>
    protected bool IsHead { get; private set; }

    protected IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>Reads the caller and the units they may place accounts in; call first in <c>OnInitializedAsync</c>.</summary>
    protected async Task LoadCallerAsync()
    {
        var user = (await AuthenticationState!).User;
        Caller = Caller.Of(user);
        IsHead = !user.IsInRole(Roles.Administrator);
        Units = await Mediator.Send(new ListUnitChoicesQuery(Caller));
    }
}
