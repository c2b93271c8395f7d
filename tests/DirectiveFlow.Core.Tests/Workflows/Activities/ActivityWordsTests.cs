using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Activities.Words;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

/// <summary>Issue 15 §4: activity words come from one catalogue per language, and a reader's refusal is a code with its path.</summary>
public sealed partial class ActivityWordsTests
{
    private static readonly ActivityCatalog Catalog = ActivityCatalog.BuiltIn;

    [Fact]
    public void Vietnamese_and_English_have_the_same_keys_and_placeholders()
    {
        Assert.Equal(ActivityWordsVi.All.Keys.Order(StringComparer.Ordinal), ActivityWordsEn.All.Keys.Order(StringComparer.Ordinal));
        Assert.All(ActivityWordsVi.All, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key);
            Assert.Equal(Placeholders(pair.Value), Placeholders(ActivityWordsEn.All[pair.Key]));
        });
    }

    [Fact]
    public void Every_name_description_and_field_label_of_a_built_in_type_has_words_in_both_languages()
    {
        foreach (var descriptor in Catalog.All)
        {
            foreach (var english in new[] { false, true })
            {
                var words = english ? ActivityWordsEn.All : ActivityWordsVi.All;
                Assert.True(words.ContainsKey(descriptor.Type + ".Name"), $"{descriptor.Type}.Name");
                Assert.True(words.ContainsKey(descriptor.Type + ".Description"), $"{descriptor.Type}.Description");
                Assert.All(descriptor.Fields, f => Assert.True(words.ContainsKey(f.LabelKey), $"{descriptor.Type}: {f.LabelKey}"));
            }
        }

        Assert.Equal("Rẽ nhánh theo điều kiện", Catalog.Get(ActivityTypes.Decision).DisplayName(english: false));
        Assert.Equal("Decision", Catalog.Get(ActivityTypes.Decision).DisplayName(english: true));
        Assert.Equal("Wait", Catalog.Get(ActivityTypes.Delay).Fields.Single().Label(english: true));
        Assert.Equal("Hướng dẫn", Catalog.Get(ActivityTypes.Review).Fields.Single().LabelVi);
    }

    [Theory]
    [InlineData("UnitTask", """{"deadline": {"workingDays": 5}}""", "5 ngày làm việc", "5 working days")]
    [InlineData("UnitTask", """{"deadline": {"input": "deadlineDays"}}""", "theo đầu vào deadlineDays", "from input deadlineDays")]
    [InlineData("Delay", "{}", "chưa có thời hạn", "no deadline")]
    [InlineData("Cascade", "{}", "tất cả đơn vị", "all units")]
    [InlineData("Cascade", """{"targets": {"childrenOf": "issuer", "pillars": ["PARTY"]}}""", "đơn vị trực thuộc issuer · PARTY", "children of issuer · PARTY")]
    [InlineData("Cascade", """{"targets": {"units": ["a", "b", "c"]}}""", "3 đơn vị", "3 units")]
    [InlineData("Notify", """{"to": "unitHead"}""", "Gửi: lãnh đạo đơn vị", "To: the unit's head")]
    [InlineData("Decision", """{"condition": "true"}""", "true", "true")]
    public void Summaries_are_worded_from_the_catalogues_in_each_language(string type, string properties, string vi, string en)
    {
        var summary = Catalog.HandlerOf(type).Summary(JsonNode.Parse(properties)!.AsObject());

        Assert.Equal(vi, summary.Vi);
        Assert.Equal(en, summary.En);
    }

    [Fact]
    public void No_summary_of_a_built_in_type_shows_a_key()
    {
        foreach (var handler in Catalog.Handlers)
        {
            foreach (var properties in new[] { handler.StudioDefaults(), new JsonObject() })
            {
                var summary = handler.Summary(properties);
                Assert.DoesNotContain("Summary.", summary.Vi, StringComparison.Ordinal);
                Assert.DoesNotContain("Summary.", summary.En, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_property_the_reader_refuses_carries_its_code_and_path_in_both_languages()
    {
        var error = Assert.Throws<ActivityPropertiesException>(() => NotifyProperties.Read(new JsonObject { ["to"] = "everyone", ["subject"] = "x" }));

        Assert.Equal("to", error.Path);
        Assert.Equal(ErrorCodes.PropertyOneOf, error.Problem.Code);
        Assert.Equal("to phải là một trong unitHead, unitOfficers, issuer, role:<name>.", error.Problem.Text(english: false));
        Assert.Equal("to must be one of unitHead, unitOfficers, issuer, role:<name>.", error.Problem.Text(english: true));
        Assert.Equal(error.Problem.Text(english: true), error.Message);
    }

    [Fact]
    public void A_deadline_input_out_of_range_is_refused_with_the_input_code()
    {
        var spec = new DeadlineSpec { Input = "deadlineDays" };

        var error = Assert.Throws<DeadlineInputException>(() => spec.ComputeDue(DateTimeOffset.UnixEpoch, new DirectiveFlow.Core.Calendar.WorkingDayCalendar([]), null));

        Assert.Equal(ErrorCodes.InputWorkingDays, error.Problem.Code);
        Assert.Equal("'deadlineDays' phải là số nguyên ngày làm việc từ 0 đến 2600.", error.Problem.Text(english: false));
    }

    private static string[] Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
