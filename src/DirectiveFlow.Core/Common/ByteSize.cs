using System.Globalization;

namespace DirectiveFlow.Core.Common;

/// <summary>
/// A size in bytes as an official reads it, in the reader's culture: "1 MB", "1,01 MB" (Vietnamese), "512 KB", "900 B".
/// Rounded up to two decimals, so a size over a limit never reads as the limit itself.
/// </summary>
public readonly record struct ByteSize(long Bytes) : IFormattable
{
    private const long Kilobyte = 1024;
    private const long Megabyte = 1024 * Kilobyte;

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (unit, name) = Bytes >= Megabyte ? (Megabyte, "MB") : Bytes >= Kilobyte ? (Kilobyte, "KB") : (1, "B");
        var value = Math.Ceiling((decimal)Bytes * 100 / unit) / 100;
        return value.ToString("#,0.##", formatProvider) + " " + name;
    }

    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
}
