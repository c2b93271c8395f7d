namespace DirectiveFlow.Infrastructure.Organisation;

/// <summary>
/// Called after units are created (by the import or by a unit head adding a sub-unit) to give them logins. In demo mode
/// it creates one officer and one head per unit; otherwise accounts are an administrator's work and it creates none.
/// </summary>
public interface IUnitAccountProvisioner
{
    /// <summary>Returns how many accounts were created.</summary>
    Task<int> EnsureAccountsAsync(CancellationToken cancellationToken = default);
}
