using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.TestSupport.Activities;
using DirectiveFlow.Web.Studio.Editing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Studio.Editing;

public sealed class ActivityPaletteTests
{
    [Fact]
    public void A_registered_test_activity_appears_in_the_palette_with_its_defaults_and_summary()
    {
        using var services = new ServiceCollection().AddDirectiveFlowActivities().AddActivity<StampActivity>()
            .AddSingleton<ActivityPalette>().BuildServiceProvider();
        var palette = services.GetRequiredService<ActivityPalette>();

        var entry = palette.Find(StampActivity.Type);

        Assert.NotNull(entry);
        Assert.Equal("Đóng dấu", entry.Label);
        Assert.Equal("Đã xem", entry.Defaults()["note"]!.GetValue<string>());
        Assert.Equal("Đã xem", palette.SummaryOf(StampActivity.Type, entry.Defaults()));
        Assert.Equal(["Start", "UnitTask", "Cascade", "Review", "Decision", "Delay", "Notify", "End", "Stamp"], palette.Entries.Select(e => e.Type));
    }

    [Fact]
    public void Built_in_summaries_read_half_edited_properties()
    {
        var palette = new ActivityPalette(ActivityCatalog.BuiltIn);

        Assert.Equal("5 ngày làm việc", palette.SummaryOf(ActivityTypes.UnitTask, new JsonObject { ["deadline"] = new JsonObject { ["workingDays"] = 5 } }));
        Assert.Equal("chưa có thời hạn", palette.SummaryOf(ActivityTypes.Delay, []));
        Assert.Equal("Gửi: ?", palette.SummaryOf(ActivityTypes.Notify, []));
        Assert.Equal("", palette.SummaryOf("Unknown", []));
    }
}
