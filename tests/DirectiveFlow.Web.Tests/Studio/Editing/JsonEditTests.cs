using DirectiveFlow.Web.Studio.Editing;

namespace DirectiveFlow.Web.Tests.Studio.Editing;

public sealed class JsonEditTests
{
    [Theory]
    [InlineData("3, 1", new[] { 3, 1 })]
    [InlineData(" 5;2 1 ", new[] { 5, 2, 1 })]
    [InlineData("", new int[0])]
    public void Reminder_days_read_whole_numbers_separated_by_commas(string text, int[] expected)
    {
        Assert.True(JsonEdit.TryParseDays(text, out var days, out var bad));
        Assert.Equal(expected, days);
        Assert.Null(bad);
    }

    // Regression: "2, hai" used to save [2] and drop "hai" without a word.
    [Theory]
    [InlineData("2, hai", "hai")]
    [InlineData("3, 0", "0")]
    [InlineData("-1", "-1")]
    [InlineData("1.5", "1.5")]
    public void Anything_else_is_refused_with_the_piece_not_understood(string text, string expected)
    {
        Assert.False(JsonEdit.TryParseDays(text, out var days, out var bad));
        Assert.Equal(expected, bad);
        Assert.Empty(days);
    }
}
