using DirectiveFlow.Core.Common;

namespace DirectiveFlow.Core.Tests.Common;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Kế hoạch triển khai Nghị quyết 15")]
    [InlineData("Phường Hoàn Kiếm 👍")]
    public void A_visible_one_line_title_passes(string title) => Assert.Null(TextRules.Line(title, InputLimits.TitleLength));

    [Theory]
    [InlineData("a\u0000b", "NUL")]
    [InlineData("a\nb", "one line")]
    [InlineData("\u200B\u200C\u200D\uFEFF\u2060", "invisible")]
    [InlineData("   \u3164 ", "invisible")]
    [InlineData("", "Required")]
    public void A_title_that_shows_nothing_or_hides_control_characters_is_refused(string title, string says)
    {
        Assert.Contains(says, TextRules.Line(title, InputLimits.TitleLength)!.Text(english: true), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        // Built here: test data with a lone surrogate does not survive the runner's serialization.
        Assert.Contains("surrogate", TextRules.Line("x" + (char)0xD800, InputLimits.TitleLength)!.Text(english: true), StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_over_its_limit_says_the_limit_and_the_length()
    {
        Assert.Contains("At most 500 characters (got 501)", TextRules.Line(new string('a', 501), InputLimits.TitleLength)!.Text(english: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_keep_tabs_and_line_breaks_but_not_NUL()
    {
        Assert.Null(TextRules.Paragraphs("Dòng 1\r\n\tDòng 2", InputLimits.NoteLength));
        Assert.Null(TextRules.Paragraphs(null, InputLimits.NoteLength));
        Assert.Contains("NUL", TextRules.Paragraphs("a\u0000", InputLimits.NoteLength)!.Text(english: true), StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_page_number_never_turns_the_offset_negative()
    {
        var page = PageRequest.From(int.MaxValue, PageRequest.MaxPageSize);

        Assert.True(page.Skip >= 0, $"skip {page.Skip}");
    }
}
