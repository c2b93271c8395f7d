using System.Globalization;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// The Vietnamese words of the report's files (.xlsx and PDF are the body's documents, in Vietnamese whatever the
/// reader's UI language): pillars, levels, the date line, the period line.
/// </summary>
public static class WeeklyReportText
{
    public static string Pillar(string code) => code switch
    {
        "PARTY" => "Đảng",
        "COUNCIL" => "HĐND",
        "COMMITTEE" => "UBND",
        "FRONT" => "MTTQ",
        _ => code,
    };

    public static string Level(string level) => level switch
    {
        "province" => "Tỉnh, thành phố",
        "commune" => "Xã, phường",
        "subunit" => "Đơn vị trực thuộc",
        _ => level,
    };

    /// <summary>"Hà Nội, ngày 07 tháng 12 năm 2026".</summary>
    public static string DateLine(string place, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}");

    /// <summary>"(Từ ngày 30/11/2026 đến ngày 06/12/2026)".</summary>
    public static string Period(DateOnly start, DateOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"(Từ ngày {start:dd/MM/yyyy} đến ngày {end:dd/MM/yyyy})");

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>An on-time rate as "87,5 %" (Vietnamese decimal comma), "—" while none is decided.</summary>
    public static string Rate(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.#", CultureInfo.GetCultureInfo("vi-VN")) + " %" : "—";
}
