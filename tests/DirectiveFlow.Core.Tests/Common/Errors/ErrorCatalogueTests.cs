using System.Reflection;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Tests.Common.Errors;

public sealed partial class ErrorCatalogueTests
{
    public static TheoryData<string> Codes()
    {
        var codes = new TheoryData<string>();
        foreach (var field in typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            codes.Add((string)field.GetRawConstantValue()!);
        }

        return codes;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_a_message_in_Vietnamese_and_in_English_with_the_same_placeholders(string code)
    {
        Assert.True(ErrorMessagesVi.All.TryGetValue(code, out var vi) && !string.IsNullOrWhiteSpace(vi), $"no Vietnamese text for {code}");
        Assert.True(ErrorMessagesEn.All.TryGetValue(code, out var en) && !string.IsNullOrWhiteSpace(en), $"no English text for {code}");
        Assert.Equal(Placeholders(vi), Placeholders(en));
        Assert.DoesNotContain(" / ", vi, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogues_hold_no_code_that_ErrorCodes_does_not_declare()
    {
        var declared = Codes().Select(row => row.Data).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(declared, ErrorMessagesVi.All.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(declared, ErrorMessagesEn.All.Keys.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void A_message_is_filled_in_the_readers_language()
    {
        var message = new ErrorMessage(ErrorCodes.TooLong, 500, 501);

        Assert.Equal("Tối đa 500 ký tự (đang có 501).", message.Text(english: false));
        Assert.Equal("At most 500 characters (got 501).", message.Text(english: true));
    }

    private static string[] Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups["index"].Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{(?<index>\d+)(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
