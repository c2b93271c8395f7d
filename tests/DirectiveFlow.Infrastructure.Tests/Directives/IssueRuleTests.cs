using System.Security.Claims;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Tests.Engine;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Directives;

public sealed class IssueRuleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_units_the_page_offers_are_exactly_those_the_issue_command_accepts(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 2);
        }

        var party = await host.UnitIdAsync("01-PARTY");
        await using var read = host.Context();
        var units = await read.Units.AsNoTracking().Select(u => u.Id).ToListAsync(EngineHost.Cancel);
        var callers = new Dictionary<string, ClaimsPrincipal>
        {
            ["administrator"] = Person(null, Roles.Administrator),
            ["issuer of 01-PARTY"] = Person(party, Roles.Issuer, Roles.UnitOfficer),
            ["officer of 01-PARTY"] = Person(party, Roles.UnitOfficer),
            ["issuer without a unit"] = Person(null, Roles.Issuer),
        };

        foreach (var (who, caller) in callers)
        {
            var offered = (await host.QueryAsync(new ListIssuingUnitsQuery(caller))).Select(u => u.Id).ToHashSet();
            var accepted = new HashSet<Guid>();
            foreach (var unit in units)
            {
                // A blank title stops every issue after the unit is judged, so nothing is written.
                var refusal = await Assert.ThrowsAsync<ProblemException>(() =>
                    host.SendAsync(new IssueDirectiveCommand("1", " ", "", DirectivePriority.Normal, unit, "none", null, who, Caller.Of(caller))));
                if (refusal.Kind != ProblemKind.Forbidden && !refusal.Errors.ContainsKey("issuingUnitId"))
                {
                    accepted.Add(unit);
                }
            }

            Assert.True(offered.SetEquals(accepted), $"{who}: offered {offered.Count}, accepted {accepted.Count}");
        }

        Assert.Equal(units.Count, (await host.QueryAsync(new ListIssuingUnitsQuery(callers["administrator"]))).Count);
        Assert.Equal([party], (await host.QueryAsync(new ListIssuingUnitsQuery(callers["issuer of 01-PARTY"]))).Select(u => u.Id));
        Assert.Empty(await host.QueryAsync(new ListIssuingUnitsQuery(callers["officer of 01-PARTY"])));
        Assert.Equal(0, await read.Directives.CountAsync(EngineHost.Cancel));
    }

    private static ClaimsPrincipal Person(Guid? unitId, params string[] roles)
    {
        var claims = roles.Select(r => new Claim(ClaimTypes.Role, r)).ToList();
        if (unitId is { } unit)
        {
            claims.Add(new Claim(DirectiveFlowClaims.UnitId, unit.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
