using System.Globalization;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Tests.Common;

public sealed class ByteSizeTests
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData(900L, "900 B", "900 B")]
    [InlineData(1024L, "1 KB", "1 KB")]
    [InlineData(1536L, "1,5 KB", "1.5 KB")]
    [InlineData(1024L * 1024, "1 MB", "1 MB")]
    [InlineData(1024L * 1024 + 1, "1,01 MB", "1.01 MB")]
    [InlineData(64L * 1024 * 1024, "64 MB", "64 MB")]
    [InlineData(1536L * 1024 * 1024, "1.536 MB", "1,536 MB")]
    public void A_size_is_written_in_KB_or_MB_with_the_readers_separators_and_never_rounded_down(long bytes, string vi, string en)
    {
        Assert.Equal(vi, new ByteSize(bytes).ToString(null, Vi));
        Assert.Equal(en, new ByteSize(bytes).ToString(null, En));
    }

    [Fact]
    public void A_request_body_limit_reads_in_the_language_of_the_answer()
    {
        var message = new ErrorMessage(ErrorCodes.BodyLimit, new ByteSize(1536 * 1024));

        Assert.Equal("Nội dung yêu cầu vượt quá 1,5 MB.", message.Text(english: false));
        Assert.StartsWith("The request body is larger than 1.5 MB ", message.Text(english: true), StringComparison.Ordinal);
    }
}
