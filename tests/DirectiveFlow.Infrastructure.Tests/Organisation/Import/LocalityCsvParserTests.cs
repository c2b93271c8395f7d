using System.Text;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.TestSupport;

namespace DirectiveFlow.Infrastructure.Tests.Organisation.Import;

public sealed class LocalityCsvParserTests
{
    private static ParsedLocalityFile Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    private static ParsedLocalityFile Parse(byte[] bytes) => LocalityCsvParser.Parse(bytes, "01", "Thành phố Hà Nội");

    [Fact]
    public void Hanoi_list_parses_into_126_communes_of_province_01()
    {
        var parsed = Parse(File.ReadAllBytes(ReferenceData.HanoiCommunesCsv));

        Assert.Empty(parsed.Problems);
        Assert.Equal(126, parsed.Rows.Count);
        Assert.All(parsed.Rows, r => Assert.Equal(("01", "Thành phố Hà Nội"), (r.ProvinceCode, r.ProvinceName)));
        Assert.Equal(51, parsed.Rows.Count(r => r.Type == LocalityType.Ward));
        Assert.Contains(parsed.Rows, r => r is { Code: "00070", Name: "Hoàn Kiếm", Line: 5 });
    }

    [Fact]
    public void National_list_parses_into_3321_communes_of_34_provinces()
    {
        var parsed = Parse(File.ReadAllBytes(ReferenceData.VietnamCommunesCsv));

        Assert.Empty(parsed.Problems);
        Assert.Equal(3321, parsed.Rows.Count);
        Assert.Equal(34, parsed.Rows.Select(r => r.ProvinceCode).Distinct().Count());
        Assert.Equal(13, parsed.Rows.Count(r => r.Type == LocalityType.SpecialZone));
    }

    [Fact]
    public void Unknown_columns_are_reported_on_line_1()
    {
        var parsed = Parse("ma,ten,loai\n00070,Hoàn Kiếm,phuong\n");

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("code,name,type", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00070,Hoàn Kiếm", "Expected 3 columns, found 2")]
    [InlineData("00070,,phuong", "name is empty")]
    [InlineData("00070,Hoàn Kiếm,quan", "Unknown type 'quan'")]
    [InlineData("0007A,Hoàn Kiếm,phuong", "5-digit")]
    public void A_bad_row_is_reported_with_its_line(string row, string expected)
    {
        var parsed = Parse($"code,name,type\n00004,Ba Đình,phuong\n{row}\n00613,Tây Tựu,phuong\n");

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_would_not_fit_its_units_or_hides_a_nul_is_reported_with_its_line()
    {
        // PostgreSQL refuses both at the database (a name past its column, NUL in text): the file is refused first.
        var parsed = Parse($"code,name,type\n00004,{new string('B', 10_000)},phuong\n00070,Hoàn\u0000Kiếm,phuong\n");

        Assert.Equal([2, 3], parsed.Problems.Select(p => p.Line));
        Assert.Contains("At most 150 characters", parsed.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("NUL", parsed.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_code_names_the_line_it_first_appeared_on()
    {
        var parsed = Parse("code,name,type\n00070,Hoàn Kiếm,phuong\n00004,Ba Đình,phuong\n00070,Hoàn Kiếm 2,phuong\n");

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(4, problem.Line);
        Assert.Contains("Duplicate code '00070' (first on line 2)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_reported_on_the_line_that_holds_it()
    {
        var bytes = Encoding.UTF8.GetBytes("code,name,type\n00004,Ba Đình,phuong\n").Concat(
            new byte[] { (byte)'0', (byte)'0', (byte)'0', (byte)'7', (byte)'0', (byte)',', 0x48, 0x6F, 0xE0, 0x6E, (byte)',', (byte)'x', (byte)'a', (byte)'\n' }).ToArray();

        var parsed = Parse(bytes);

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_not_just_the_first()
    {
        var parsed = Parse("code,name,type\n00070,,phuong\n00004,Ba Đình,thon\n00070,Hoàn Kiếm,phuong\n");

        Assert.Equal([2, 3, 4], parsed.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Province_with_two_names_in_the_national_layout_is_rejected()
    {
        var parsed = Parse("province_code,province_name,code,name,type\n01,Thành phố Hà Nội,00004,Ba Đình,phuong\n01,Hà Nội,00070,Hoàn Kiếm,phuong\n");

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bom_crlf_quoted_fields_and_trailing_blank_lines_are_accepted()
    {
        var text = "\uFEFFcode,name,type\r\n00070,\"Hoàn Kiếm, \"\"trung tâm\"\"\",phường\r\n\r\n";

        var parsed = Parse(text);

        Assert.Empty(parsed.Problems);
        var row = Assert.Single(parsed.Rows);
        Assert.Equal("Hoàn Kiếm, \"trung tâm\"", row.Name);
        Assert.Equal(LocalityType.Ward, row.Type);
    }

    [Fact]
    public void A_header_without_rows_is_rejected()
    {
        Assert.Single(Parse("code,name,type\n").Problems);
        Assert.Single(Parse("").Problems);
    }
}
