using System.Globalization;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// The Vietnamese words of the report's files (.xlsx and PDF are the body's documents, in Vietnamese whatever the
/// reader's UI language): pillars, levels, the week, the date line, the period line.
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
        "national" => "Trung ương",
        _ => level,
    };

    /// <summary>"49/2026": the week as the files, the email and the page name it (the ISO code "2026-W49" is for URLs only).</summary>
    public static string Week(IsoWeek week) => string.Create(CultureInfo.InvariantCulture, $"{week.Week}/{week.Year}");

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
