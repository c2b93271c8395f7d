using DirectiveFlow.Web.Components.Directives;

namespace DirectiveFlow.Web.Tests.Components.Directives;

public sealed class TargetCodeTextTests
{
    [Fact]
    public void Pasted_codes_split_on_lines_commas_semicolons_and_tabs_and_keep_their_line()
    {
        var codes = TargetCodeText.Parse("00070, 00004;00613\r\n\r\n  00619\t00008  \n,,");

        Assert.Equal([(1, "00070"), (1, "00004"), (1, "00613"), (3, "00619"), (3, "00008")], codes);
    }

    [Fact]
    public void A_csv_takes_the_first_cell_of_each_line_skips_a_header_and_strips_quotes_and_the_byte_order_mark()
    {
        var codes = TargetCodeText.Parse("\uFEFFma,ten\n\"00004\",Ba Đình\n00070,\"Hoàn Kiếm, Hà Nội\"\n", firstCellOnly: true);

        Assert.Equal([(2, "00004"), (3, "00070")], codes);
        Assert.Equal([(1, "00004")], TargetCodeText.Parse("00004,Ba Đình", firstCellOnly: true));
    }
}
