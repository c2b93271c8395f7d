using MiniExcelLibs.Attributes;

namespace DirectiveFlow.Infrastructure.Reports.Weekly.Xlsx;

/// <summary>The rows of the weekly workbook's sheets: each property a column, named and formatted for MiniExcel.</summary>
internal static class WorkbookRows
{
    private const string DateFormat = "dd/MM/yyyy";

    internal sealed record Information(
        [property: ExcelColumn(Name = "Nội dung", Width = 36)] string Item,
        [property: ExcelColumn(Name = "Giá trị", Width = 60)] string Text,
        [property: ExcelColumn(Name = "Số")] int? Number,
        [property: ExcelColumn(Name = "Ngày", Format = DateFormat, Width = 12)] DateTime? Day);

    internal sealed record Summary(
        [property: ExcelColumn(Name = "Trục", Width = 12)] string Pillar,
        [property: ExcelColumn(Name = "Tổng số")] int Total,
        [property: ExcelColumn(Name = "Hoàn thành đúng hạn", Width = 14)] int CompletedOnTime,
        [property: ExcelColumn(Name = "Hoàn thành quá hạn", Width = 14)] int CompletedLate,
        [property: ExcelColumn(Name = "Chưa hoàn thành, trong hạn", Width = 14)] int OpenWithinDeadline,
        [property: ExcelColumn(Name = "Quá hạn chưa hoàn thành", Width = 14)] int OpenOverdue,
        [property: ExcelColumn(Name = "Sắp đến hạn", Width = 12)] int DueSoon,
        [property: ExcelColumn(Name = "Chưa tiếp nhận", Width = 12)] int NotAcknowledged,
        [property: ExcelColumn(Name = "Đơn vị chưa được giao", Width = 14)] int NotYetReached)
    {
        public static Summary Of(string pillar, ReportCounts c) =>
            new(pillar, c.Total, c.CompletedOnTime, c.CompletedLate, c.OpenWithinDeadline, c.OpenOverdue, c.DueSoon, c.NotAcknowledged, c.NotYetReached);
    }

    internal sealed record Ranking(
        [property: ExcelColumn(Name = "Hạng")] int Rank,
        [property: ExcelColumn(Name = "Mã đơn vị", Width = 16)] string UnitCode,
        [property: ExcelColumn(Name = "Đơn vị", Width = 40)] string UnitName,
        [property: ExcelColumn(Name = "Trục")] string Pillar,
        [property: ExcelColumn(Name = "Cấp", Width = 16)] string Level,
        [property: ExcelColumn(Name = "Tổng số")] int Total,
        [property: ExcelColumn(Name = "Hoàn thành đúng hạn", Width = 14)] int CompletedOnTime,
        [property: ExcelColumn(Name = "Hoàn thành quá hạn", Width = 14)] int CompletedLate,
        [property: ExcelColumn(Name = "Chưa hoàn thành, trong hạn", Width = 14)] int OpenWithinDeadline,
        [property: ExcelColumn(Name = "Quá hạn chưa hoàn thành", Width = 14)] int OpenOverdue,
        [property: ExcelColumn(Name = "Tỷ lệ đúng hạn", Format = "0.0%", Width = 12)] double? OnTimeRate,
        [property: ExcelColumn(Name = "Số ngày quá hạn lâu nhất", Width = 14)] int MaxDaysOverdue,
        [property: ExcelColumn(Name = "Số lần đôn đốc", Width = 12)] int Chases);

    internal sealed record Overdue(
        [property: ExcelColumn(Name = "STT")] int Number,
        [property: ExcelColumn(Name = "Số văn bản", Width = 22)] string DirectiveNumber,
        [property: ExcelColumn(Name = "Nhiệm vụ", Width = 50)] string Title,
        [property: ExcelColumn(Name = "Mã đơn vị", Width = 16)] string UnitCode,
        [property: ExcelColumn(Name = "Đơn vị chủ trì", Width = 40)] string UnitName,
        [property: ExcelColumn(Name = "Người đứng đầu", Width = 24)] string HeadName,
        [property: ExcelColumn(Name = "Hạn xử lý", Format = DateFormat, Width = 12)] DateTime DueAt,
        [property: ExcelColumn(Name = "Số ngày làm việc quá hạn", Width = 14)] int DaysOverdue,
        [property: ExcelColumn(Name = "Số lần đôn đốc", Width = 12)] int Chases);

    internal sealed record Completed(
        [property: ExcelColumn(Name = "STT")] int Number,
        [property: ExcelColumn(Name = "Số văn bản", Width = 22)] string DirectiveNumber,
        [property: ExcelColumn(Name = "Nhiệm vụ", Width = 50)] string Title,
        [property: ExcelColumn(Name = "Mã đơn vị", Width = 16)] string UnitCode,
        [property: ExcelColumn(Name = "Đơn vị chủ trì", Width = 40)] string UnitName,
        [property: ExcelColumn(Name = "Hạn xử lý", Format = DateFormat, Width = 12)] DateTime DueAt,
        [property: ExcelColumn(Name = "Ngày hoàn thành", Format = DateFormat, Width = 14)] DateTime CompletedAt,
        [property: ExcelColumn(Name = "Kết quả", Width = 12)] string Result);

    internal sealed record NotReached(
        [property: ExcelColumn(Name = "STT")] int Number,
        [property: ExcelColumn(Name = "Số văn bản", Width = 22)] string DirectiveNumber,
        [property: ExcelColumn(Name = "Mã đơn vị", Width = 16)] string UnitCode,
        [property: ExcelColumn(Name = "Đơn vị chịu trách nhiệm", Width = 40)] string UnitName,
        [property: ExcelColumn(Name = "Số ngày làm việc quá hạn", Width = 14)] int DaysOverdue,
        [property: ExcelColumn(Name = "Số đơn vị chưa được giao", Width = 14)] int UnitsWaiting);
}
