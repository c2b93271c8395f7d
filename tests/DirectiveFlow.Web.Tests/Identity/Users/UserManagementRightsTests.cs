using System.Security.Claims;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Identity.Users;

namespace DirectiveFlow.Web.Tests.Identity.Users;

/// <summary>Who manages whose account (issue 13, part 4): administrators everyone, a unit head the officers of their own unit only.</summary>
public sealed class UserManagementRightsTests
{
    private static readonly Guid Ward = Guid.NewGuid();
    private static readonly Guid OtherWard = Guid.NewGuid();

    [Fact]
    public void An_administrator_manages_heads_issuers_and_accounts_without_a_unit()
    {
        var rights = UserManagementRights.Of(Person([Roles.Administrator], unit: null));

        Assert.True(rights.ManagesEveryone);
        Assert.True(rights.Manages([Roles.UnitHead], Ward));
        Assert.True(rights.Manages([Roles.UnitOfficer, Roles.Issuer], OtherWard));
        Assert.True(rights.Manages([Roles.Administrator], null));
    }

    [Fact]
    public void A_unit_head_manages_only_the_plain_officers_of_their_own_unit()
    {
        var rights = UserManagementRights.Of(Person([Roles.UnitHead], Ward));

        Assert.False(rights.ManagesEveryone);
        Assert.Equal(Ward, rights.HeadOfUnit);
        Assert.True(rights.Manages([Roles.UnitOfficer], Ward));
        Assert.False(rights.Manages([Roles.UnitOfficer], OtherWard));
        Assert.False(rights.Manages([Roles.UnitHead], Ward));
        Assert.False(rights.Manages([Roles.UnitOfficer, Roles.Issuer], Ward));
        Assert.False(rights.Manages([], Ward));
    }

    [Fact]
    public void A_unit_head_is_refused_granting_issuer_or_administrator_with_the_reason()
    {
        var rights = UserManagementRights.Of(Person([Roles.UnitHead], Ward));

        var issuer = Assert.Throws<ProblemException>(() => rights.CheckGrants([Roles.UnitOfficer, Roles.Issuer], Ward));
        var admin = Assert.Throws<ProblemException>(() => rights.CheckGrants([Roles.Administrator], Ward));
        var elsewhere = Assert.Throws<ProblemException>(() => rights.CheckManages([Roles.UnitOfficer], OtherWard));

        Assert.All([issuer, admin], e => Assert.Equal((ProblemKind.Forbidden, ErrorCodes.UserRoleNotGrantable), (e.Kind, e.Code)));
        Assert.Equal((ProblemKind.Forbidden, ErrorCodes.UserOutsideHeadsUnit), (elsewhere.Kind, elsewhere.Code));
        Assert.Contains("own unit", elsewhere.Problem.Text(english: true), StringComparison.Ordinal);
        Assert.Contains("đơn vị mình", elsewhere.Problem.Text(english: false), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.UnitOfficer)]
    [InlineData(Roles.Issuer)]
    [InlineData(Roles.Observer)]
    public void Officers_issuers_and_observers_manage_no_account(string role)
    {
        var refused = Assert.Throws<ProblemException>(() => UserManagementRights.Of(Person([role], Ward)));

        Assert.Equal((ProblemKind.Forbidden, ErrorCodes.UsersForbidden), (refused.Kind, refused.Code));
    }

    [Fact]
    public void A_head_without_a_unit_manages_nothing()
    {
        Assert.Throws<ProblemException>(() => UserManagementRights.Of(Person([Roles.UnitHead], unit: null)));
    }

    [Fact]
    public void The_system_manages_everyone_and_is_no_person()
    {
        var rights = UserManagementRights.Of(Caller.System);

        Assert.True(rights.ManagesEveryone);
        Assert.Null(rights.CallerId);
    }

    [Fact]
    public void Generated_passwords_differ_and_carry_every_character_class()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PasswordGenerator.Generate()).ToList();

        Assert.Equal(50, passwords.Distinct(StringComparer.Ordinal).Count());
        Assert.All(passwords, p =>
        {
            Assert.Equal(16, p.Length);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, c => !char.IsLetterOrDigit(c));
        });
    }

    private static Caller Person(string[] roles, Guid? unit)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Name, "someone") };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (unit is { } id)
        {
            claims.Add(new Claim(DirectiveFlowClaims.UnitId, id.ToString()));
        }

        return Caller.Of(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }
}
