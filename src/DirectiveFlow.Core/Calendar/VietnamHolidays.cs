namespace DirectiveFlow.Core.Calendar;

/// <summary>
/// The seed for this year and next: public holidays of the Labour Code 2019 (Art. 112) as civil servants take them,
/// and make-up working days. Each year's swaps are announced by the Government, so this is data that administrators
/// edit (entries marked "cần xác minh" are this product's best reading and must be checked against the year's notice).
/// </summary>
public static class VietnamHolidays
{
    public static IReadOnlyList<CalendarDay> For(int year) => year switch
    {
        2026 => Year2026,
        2027 => Year2027,
        _ => [],
    };

    private static readonly CalendarDay[] Year2026 =
    [
        Off(2026, 1, 1, "Tết Dương lịch"),
        // Tết Nguyên đán Bính Ngọ: civil servants off 14–22/02/2026 (Mùng 1 = 17/02).
        Off(2026, 2, 16, "Tết Nguyên đán (28 Tết)"),
        Off(2026, 2, 17, "Tết Nguyên đán (Mùng 1)"),
        Off(2026, 2, 18, "Tết Nguyên đán (Mùng 2)"),
        Off(2026, 2, 19, "Tết Nguyên đán (Mùng 3)"),
        Off(2026, 2, 20, "Tết Nguyên đán (Mùng 4)"),
        // Giỗ Tổ Hùng Vương 10/3 âm lịch falls on Sunday 26/04/2026: the day off moves to Monday.
        Off(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật 26/04)"),
        Off(2026, 4, 30, "Ngày Chiến thắng 30/4"),
        Off(2026, 5, 1, "Ngày Quốc tế Lao động 1/5"),
        Off(2026, 9, 1, "Quốc khánh (ngày liền kề, cần xác minh)"),
        Off(2026, 9, 2, "Quốc khánh 2/9"),
    ];

    private static readonly CalendarDay[] Year2027 =
    [
        Off(2027, 1, 1, "Tết Dương lịch"),
        // Tết Nguyên đán Đinh Mùi: Mùng 1 = Saturday 06/02/2027; five weekdays around it (cần xác minh).
        Off(2027, 2, 5, "Tết Nguyên đán (29 Tết)"),
        Off(2027, 2, 8, "Tết Nguyên đán (Mùng 3)"),
        Off(2027, 2, 9, "Tết Nguyên đán (Mùng 4)"),
        Off(2027, 2, 10, "Nghỉ bù Tết Nguyên đán (Mùng 1 rơi vào thứ Bảy)"),
        Off(2027, 2, 11, "Nghỉ bù Tết Nguyên đán (Mùng 2 rơi vào Chủ nhật)"),
        Off(2027, 4, 16, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
        Off(2027, 4, 30, "Ngày Chiến thắng 30/4"),
        // 1/5/2027 is a Saturday: the day off moves to Monday 03/05.
        Off(2027, 5, 3, "Nghỉ bù Quốc tế Lao động (1/5 rơi vào thứ Bảy)"),
        Off(2027, 9, 2, "Quốc khánh 2/9"),
        Off(2027, 9, 3, "Quốc khánh (ngày liền kề)"),
    ];

    private static CalendarDay Off(int year, int month, int day, string name) =>
        new() { Date = new DateOnly(year, month, day), Kind = CalendarDayKind.Holiday, Name = name };
}
