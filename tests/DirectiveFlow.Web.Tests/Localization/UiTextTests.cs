using System.Globalization;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Tests.Localization;

public sealed partial class UiTextTests
{
    [Fact]
    public void Vietnamese_and_English_have_the_same_keys()
    {
        Assert.Empty(ViText.All.Keys.Except(EnText.All.Keys));
        Assert.Empty(EnText.All.Keys.Except(ViText.All.Keys));
    }

    [Fact]
    public void Every_status_category_pillar_and_priority_has_a_label_in_both_languages()
    {
        var keys = Enum.GetNames<UnitTaskStatus>().Select(n => "UnitTaskStatus." + n)
            .Concat(Enum.GetNames<TaskCategory>().Select(n => "TaskCategory." + n))
            .Concat(Enum.GetNames<Pillar>().Select(n => "Pillar." + n))
            .Concat(Enum.GetNames<DirectivePriority>().Select(n => "DirectivePriority." + n))
            .Concat(Enum.GetNames<ExtensionRequestStatus>().Select(n => "ExtensionRequestStatus." + n))
            .Concat(Enum.GetNames<ProgressCadence>().Select(n => "ProgressCadence." + n));
        Assert.All(keys, key => Assert.True(ViText.All.ContainsKey(key), key));
    }

    [Fact]
    public void Labels_follow_the_request_culture_and_default_to_Vietnamese()
    {
        var text = new UiText();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(UiCultures.Vietnamese);
            Assert.Equal("Quá hạn chưa hoàn thành", text.Of(TaskCategory.OpenOverdue));
            CultureInfo.CurrentUICulture = new CultureInfo(UiCultures.English);
            Assert.Equal("Open, overdue", text.Of(TaskCategory.OpenOverdue));
            Assert.Equal("No.Such.Key", text["No.Such.Key"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }

        Assert.Equal(UiCultures.Vietnamese, UiCultures.Normalize("fr"));
        Assert.Equal(UiCultures.English, UiCultures.Normalize("en"));
    }

    [Fact]
    public void Dates_show_in_Hanoi_time_as_day_month_year()
    {
        var utc = new DateTimeOffset(2026, 1, 31, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal("01/02/2026 00:30", UiFormat.DateTime(utc));
        Assert.Equal(utc, UiFormat.ParseInput(UiFormat.InputValue(utc)));
    }

    [Fact]
    public void Every_key_has_the_same_placeholders_in_both_languages_and_the_studio_speaks_through_keys()
    {
        Assert.All(ViText.All, pair => Assert.True(
            Placeholders(pair.Value).SequenceEqual(Placeholders(EnText.All[pair.Key])), $"{pair.Key}: '{pair.Value}' / '{EnText.All[pair.Key]}'"));
        Assert.Contains(ViText.All.Keys, key => key.StartsWith("Studio.", StringComparison.Ordinal));
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(UiCultures.Vietnamese);
            Assert.Equal("Đã ban hành phiên bản v7.", Web.Studio.StudioText.L("Studio.VersionV0Published", 7));
            CultureInfo.CurrentUICulture = new CultureInfo(UiCultures.English);
            Assert.Equal("Version v7 published.", Web.Studio.StudioText.L("Studio.VersionV0Published", 7));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static string[] Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"(?<!\{)\{\d+(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
