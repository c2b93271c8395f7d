using DirectiveFlow.Infrastructure.Identity;

namespace DirectiveFlow.Infrastructure.Demo;

/// <summary>
/// Named people the demo shows beside the per-unit-code accounts: a head and two officers in each of Hoàn Kiếm's
/// People's Committee and Party committee and the city's People's Committee. User names follow the usual office
/// pattern (given name, then the initials of family and middle names: Nguyễn Thị Lan → <c>lannt</c>).
/// </summary>
public static class DemoPeople
{
    public sealed record Person(string UserName, string FullName, string Position, string UnitCode, string Phone, bool Head);

    public static readonly IReadOnlyList<Person> All =
    [
        new("lannt", "Nguyễn Thị Lan", "Chủ tịch UBND phường", "00070-COMMITTEE", "0912 070 101", Head: true),
        new("minhtv", "Trần Văn Minh", "Chuyên viên", "00070-COMMITTEE", "0912 070 102", Head: false),
        new("halt", "Lê Thu Hà", "Chuyên viên", "00070-COMMITTEE", "0912 070 103", Head: false),
        new("hungpv", "Phạm Văn Hùng", "Bí thư Đảng ủy phường", "00070-PARTY", "0912 070 201", Head: true),
        new("thuydt", "Đỗ Thị Thủy", "Chuyên viên Văn phòng Đảng ủy", "00070-PARTY", "0912 070 202", Head: false),
        new("namnh", "Nguyễn Hoài Nam", "Chuyên viên Ban Xây dựng Đảng", "00070-PARTY", "0912 070 203", Head: false),
        new("tuanvq", "Vũ Quốc Tuấn", "Phó Chủ tịch UBND Thành phố", "01-COMMITTEE", "0912 010 301", Head: true),
        new("maihtt", "Hoàng Thị Thanh Mai", "Chuyên viên Văn phòng UBND Thành phố", "01-COMMITTEE", "0912 010 302", Head: false),
        new("khanhbd", "Bùi Duy Khánh", "Chuyên viên Văn phòng UBND Thành phố", "01-COMMITTEE", "0912 010 303", Head: false),
    ];

    /// <summary>A person's roles: head or officer of the unit, and issuer too in a unit that issues (as its unit accounts).</summary>
    public static string[] RolesOf(Person person, bool unitIssues) => (person.Head, unitIssues) switch
    {
        (true, true) => [Roles.UnitHead, Roles.Issuer],
        (true, false) => [Roles.UnitHead],
        (false, true) => [Roles.UnitOfficer, Roles.Issuer],
        _ => [Roles.UnitOfficer],
    };
}
