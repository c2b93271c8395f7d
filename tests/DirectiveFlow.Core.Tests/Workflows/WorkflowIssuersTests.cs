using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Validation;
using static DirectiveFlow.Core.Tests.Workflows.SampleFlows;

namespace DirectiveFlow.Core.Tests.Workflows;

public sealed class WorkflowIssuersTests
{
    private static readonly OrgUnit CityParty = Unit("01-PARTY", Pillar.Party, UnitLevel.Province);
    private static readonly OrgUnit CityCommittee = Unit("01-COMMITTEE", Pillar.Committee, UnitLevel.Province);
    private static readonly OrgUnit WardParty = Unit("00070-PARTY", Pillar.Party, UnitLevel.Commune);

    [Fact]
    public void Pillars_and_levels_both_filter_and_listed_units_are_allowed_besides()
    {
        var party = new WorkflowIssuers { Pillars = ["PARTY"], Levels = ["province"] };
        var partyOrOneCommittee = new WorkflowIssuers { Pillars = ["PARTY"], Levels = ["province"], Units = ["01-COMMITTEE"] };
        var onlyUnits = new WorkflowIssuers { Units = ["00070-PARTY"] };

        Assert.Equal([true, false, false], new[] { CityParty, CityCommittee, WardParty }.Select(party.Allows));
        Assert.Equal([true, true, false], new[] { CityParty, CityCommittee, WardParty }.Select(partyOrOneCommittee.Allows));
        Assert.Equal([false, false, true], new[] { CityParty, CityCommittee, WardParty }.Select(onlyUnits.Allows));
        Assert.True(WorkflowIssuers.Allow(null, WardParty));
        Assert.True(new WorkflowIssuers().Allows(WardParty));
    }

    [Fact]
    public void The_issuers_are_described_in_both_languages()
    {
        var issuers = new WorkflowIssuers { Pillars = ["COUNCIL", "FRONT"], Levels = ["commune"], Units = ["01-PARTY"] };

        Assert.Equal("trục HĐND, MTTQ; cấp phường, xã; đơn vị 01-PARTY", issuers.Describe(english: false));
        Assert.Equal("pillar People's Council, Fatherland Front; level commune; units 01-PARTY", issuers.Describe(english: true));
        var refusal = new ErrorMessage(ErrorCodes.IssueFlowNotForUnit, "Kết luận", "01-COMMITTEE", new WordedValue(issuers.Describe));
        Assert.EndsWith("chỉ dành cho trục HĐND, MTTQ; cấp phường, xã; đơn vị 01-PARTY.", refusal.Text(english: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_pillars_and_levels_are_refused_with_their_codes_and_paths()
    {
        var flow = Valid();
        flow.Issuers = new WorkflowIssuers { Pillars = ["PARTY", "ARMY"], Levels = ["district"], Units = ["anything"] };

        var errors = new WorkflowValidator().Validate(flow).Errors;

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(ValidationCodes.InvalidIssuers, e.Code));
        Assert.Equal(["/issuers/pillars/1", "/issuers/levels/0"], errors.Select(e => e.Path));
        Assert.Equal([ErrorCodes.WorkflowIssuerPillar, ErrorCodes.WorkflowIssuerLevel], errors.Select(e => e.Problem.Code));
        Assert.Contains("'ARMY'", errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("party-conclusion.json", "PARTY")]
    [InlineData("committee-directive.json", "COMMITTEE")]
    [InlineData("council-supervision.json", "COUNCIL")]
    [InlineData("front-supervision.json", "FRONT")]
    public void Each_shipped_flow_is_issued_by_its_pillar_at_city_level(string file, string pillar)
    {
        var issuers = WorkflowDefinitionSerializer.Deserialize(ShippedWorkflows.Read(file)).Issuers;

        Assert.NotNull(issuers);
        Assert.Equal([pillar], issuers.Pillars);
        Assert.Equal(["province"], issuers.Levels);
    }

    [Fact]
    public void The_national_flow_is_issued_by_national_units_only()
    {
        var issuers = WorkflowDefinitionSerializer.Deserialize(ShippedWorkflows.Read("national-directive.json")).Issuers;

        Assert.NotNull(issuers);
        Assert.True(issuers.Allows(Unit("VN-COMMITTEE", Pillar.Committee, UnitLevel.National)));
        Assert.True(issuers.Allows(Unit("VN-PARTY", Pillar.Party, UnitLevel.National)));
        Assert.False(issuers.Allows(Unit("01-COMMITTEE", Pillar.Committee, UnitLevel.Province)));
        Assert.False(issuers.Allows(Unit("00070-COMMITTEE", Pillar.Committee, UnitLevel.Commune)));
        Assert.Equal("cấp trung ương", issuers.Describe(english: false));
        Assert.Equal("level national", issuers.Describe(english: true));
    }

    private static OrgUnit Unit(string code, Pillar pillar, UnitLevel level) =>
        new() { Code = code, Name = code, Pillar = pillar, Level = level, LocalityCode = code.Split('-')[0] };
}
