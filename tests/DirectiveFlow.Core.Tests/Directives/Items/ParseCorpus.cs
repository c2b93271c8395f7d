using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Core.Tests.Directives.Items;

/// <summary>
/// Real-shaped Vietnamese conclusions and notices with the parse each item should get (issue 17 §3), and the Hà Nội
/// organisation they are matched against. An expected row reads "number | lead | supporting | deadline": a unit code,
/// "?" for a name that matches no single unit (a group, an unknown name), "-" for none; deadlines as "date 2026-12-15",
/// "month 2026-12-31", "quarter 2027-03-31", "year 2027-12-31", "periodic" or "none".
/// </summary>
public static class ParseCorpus
{
    private const string City = "Thành phố Hà Nội";

    public static IReadOnlyList<ParseUnit> Hanoi { get; } =
    [
        new("01-PARTY", "Thành ủy Hà Nội", UnitLevel.Province, Pillar.Party, City, "", []),
        new("01-COUNCIL", "HĐND Thành phố Hà Nội", UnitLevel.Province, Pillar.Council, City, "", []),
        new("01-COMMITTEE", "UBND Thành phố Hà Nội", UnitLevel.Province, Pillar.Committee, City, "", []),
        new("01-FRONT", "Ủy ban MTTQ Thành phố Hà Nội", UnitLevel.Province, Pillar.Front, City, "", []),
        Department("SXD", "Sở Xây dựng"),
        Department("STC", "Sở Tài chính"),
        Department("SQHKT", "Sở Quy hoạch - Kiến trúc"),
        Department("SKHCN", "Sở Khoa học và Công nghệ"),
        Department("SGDDT", "Sở Giáo dục và Đào tạo"),
        Department("SNNMT", "Sở Nông nghiệp và Môi trường"),
        Member("DTN", "Thành đoàn Hà Nội"),
        Member("HLHPN", "Hội Liên hiệp Phụ nữ Thành phố Hà Nội"),
        Member("HCCB", "Hội Cựu chiến binh Thành phố Hà Nội"),
        .. Ward("00070", "Hoàn Kiếm"),
        .. Ward("00004", "Ba Đình"),
        .. Ward("00103", "Tây Hồ"),
        .. Ward("00082", "Cửa Nam"),
    ];

    public static IReadOnlyList<(string Name, string Text, string[] Expected)> Documents { get; } =
    [
        ("Thông báo kết luận của Thường trực Thành ủy", """
            THÀNH ỦY HÀ NỘI
            THÔNG BÁO KẾT LUẬN
            của Thường trực Thành ủy về tiến độ dự án đường Vành đai 4 – Vùng Thủ đô
            Sau khi nghe báo cáo, Thường trực Thành ủy kết luận như sau:
            1. Giao Sở Xây dựng chủ trì, phối hợp Sở Tài chính và UBND các phường liên quan hoàn thành phương án giải phóng mặt bằng đường Vành đai 4 trước ngày 15/12/2026.
            2. Giao UBND phường Tây Hồ chủ trì, phối hợp với Ủy ban MTTQ phường Tây Hồ tuyên truyền, vận động người dân bàn giao mặt bằng, hoàn thành trong tháng 12/2026.
            3. Sở Tài chính chủ trì, phối hợp Sở XD, Sở QHKT cân đối, bố trí vốn cho dự án; hoàn thành trong quý I/2027.
            4. Giao Đảng ủy phường Hoàn Kiếm chỉ đạo rà soát các hộ dân tái định cư, báo cáo Thường trực Thành ủy chậm nhất ngày 20/01/2027.
            5. Thành đoàn Hà Nội chủ trì tổ chức ra quân tình nguyện hỗ trợ công tác giải phóng mặt bằng.
            6. Giao UBND Thành phố thường xuyên theo dõi, đôn đốc và báo cáo Thường trực Thành ủy về tiến độ dự án.
            Nơi nhận:
            - Các đồng chí Ủy viên Ban Thường vụ Thành ủy;
            - Lưu Văn phòng Thành ủy.
            """,
            [
                "1 | 01-COMMITTEE-SXD | 01-COMMITTEE-STC, ? | date 2026-12-15",
                "2 | 00103-COMMITTEE | 00103-FRONT | month 2026-12-31",
                "3 | 01-COMMITTEE-STC | 01-COMMITTEE-SXD, 01-COMMITTEE-SQHKT | quarter 2027-03-31",
                "4 | 00070-PARTY | - | date 2027-01-20",
                "5 | 01-FRONT-DTN | - | none",
                "6 | 01-COMMITTEE | - | periodic",
            ]),
        ("Kết luận của Chủ tịch UBND Thành phố tại buổi làm việc (không dấu, mục lồng nhau)", """
            UBND THANH PHO HA NOI
            KET LUAN cua Chu tich UBND Thanh pho tai buoi lam viec ve chinh trang do thi khu vuc ho Hoan Kiem
            1. Ve chinh trang do thi:
            1.1. Giao So Xay dung chu tri, phoi hop UBND phuong Hoan Kiem lap phuong an cai tao via he cac tuyen pho quanh ho, truoc ngay 30/11/2026.
            1.2. Giao So QHKT chu tri, phoi hop So Xay dung hoan thien quy hoach chi tiet khu vuc, hoan thanh trong quy II/2027.
            2. Ve nguon luc:
            2.1. So Tai chinh chu tri tham muu bo tri kinh phi trong thang 01/2027.
            2.2. Giao UBND phuong Cua Nam rà soát mặt bằng các lô đất công, báo cáo trước ngày 15/01/2027.
            3. Giao Hoan Kiem phoi hop So Xay dung to chuc lay y kien nhan dan ve phuong an, hoan thanh trong nam 2027.
            4. UBND phuong Ba Dinh chu tri kiem tra trat tu xay dung tren dia ban, bao cao dinh ky hang thang.
            """,
            [
                "1.1 | 01-COMMITTEE-SXD | 00070-COMMITTEE | date 2026-11-30",
                "1.2 | 01-COMMITTEE-SQHKT | 01-COMMITTEE-SXD | quarter 2027-06-30",
                "2.1 | 01-COMMITTEE-STC | - | month 2027-01-31",
                "2.2 | 00082-COMMITTEE | - | date 2027-01-15",
                "3 | 00070-COMMITTEE | 01-COMMITTEE-SXD | year 2027-12-31",
                "4 | 00004-COMMITTEE | - | periodic",
            ]),
        ("Thông báo kết luận của Thường trực HĐND Thành phố (mục a, b và gạch đầu dòng)", """
            Thường trực HĐND Thành phố thống nhất giao nhiệm vụ như sau:
            a) Giao các Ban HĐND Thành phố chủ trì giám sát việc thực hiện Nghị quyết về đầu tư công, báo cáo trước ngày 05/12/2026.
            b) Đề nghị UBND Thành phố chỉ đạo Sở Tài chính hoàn thiện báo cáo quyết toán ngân sách năm 2025, gửi Thường trực HĐND Thành phố trước ngày 10 tháng 12 năm 2026.
            c) HĐND phường Ba Đình chủ trì, phối hợp Ủy ban nhân dân phường Ba Đình và Ủy ban MTTQ phường Ba Đình tổ chức tiếp xúc cử tri định kỳ hằng quý.
            d) Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp Sở Khoa học và Công nghệ, Sở Tài chính xây dựng đề án chuyển đổi số trong trường học, trình HĐND Thành phố tại kỳ họp giữa năm 2027.
            """,
            [
                "a | ? | - | date 2026-12-05",
                "b | 01-COMMITTEE | - | date 2026-12-10",
                "c | 00004-COUNCIL | 00004-COMMITTEE, 00004-FRONT | periodic",
                "d | 01-COMMITTEE-SGDDT | 01-COMMITTEE-SKHCN, 01-COMMITTEE-STC | none",
            ]),
        ("Thông báo của Ủy ban MTTQ Thành phố về Cuộc vận động (tên chỉ địa danh, tên tắt)", """
            ỦY BAN MTTQ THÀNH PHỐ HÀ NỘI
            THÔNG BÁO kết luận của Ban Thường trực về triển khai Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh" năm 2027
            1. Ban Thường trực Ủy ban MTTQ Thành phố thống nhất:
            - Hội Liên hiệp Phụ nữ Thành phố chủ trì, phối hợp Thành đoàn Hà Nội, Hội Cựu chiến binh Thành phố phát động phong trào "Nhà sạch, phố đẹp" trong quý 1/2027;
            - Giao MTTQ phường Tây Hồ chủ trì tổ chức Ngày hội Đại đoàn kết toàn dân tộc tại các khu dân cư, hoàn thành trước ngày 18/11/2027;
            - Giao Hoàn Kiếm chủ trì, phối hợp phường Ba Đình tổng kết mô hình "Tuyến phố văn minh" trước ngày 31/12/2026.
            2. Giao Ủy ban MTTQ các phường liên quan thường xuyên giám sát việc thực hiện quy tắc ứng xử nơi công cộng.
            3. Giao UBND phường Hòa Bình chủ trì vận động quỹ "Vì người nghèo", báo cáo trước 15/12/2026.
            4. Thành ủy chủ trì, phối hợp MTTQ Thành phố sơ kết 6 tháng thực hiện Cuộc vận động, hoàn thành trong tháng 6/2027.
            """,
            [
                "1.1 | 01-FRONT-HLHPN | 01-FRONT-DTN, 01-FRONT-HCCB | quarter 2027-03-31",
                "1.2 | 00103-FRONT | - | date 2027-11-18",
                "1.3 | 00070-COMMITTEE | 00004-COMMITTEE | date 2026-12-31",
                "2 | ? | - | periodic",
                "3 | ? | - | date 2026-12-15",
                "4 | 01-PARTY | 01-FRONT | month 2027-06-30",
            ]),
        ("Kết luận của Ban Thường vụ Thành ủy (mục La Mã, dòng tiếp nối, hạn sai, hạn thiếu)", """
            I. ĐÁNH GIÁ CHUNG
            Năm 2026, các cấp, các ngành đã nỗ lực hoàn thành nhiều chỉ tiêu quan trọng.
            II. NHIỆM VỤ TRỌNG TÂM
            1. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND phường Tây Hồ, UBND phường Hoàn Kiếm
            xây dựng kế hoạch xử lý ô nhiễm hồ Tây, hoàn thành trước ngày 31/02/2027.
            2. Giao Sở TC chủ trì, phối hợp Sở XD và các đơn vị liên quan hướng dẫn quyết toán các dự án hoàn thành, hoàn thành trong tháng 3/2027.
            3. UBND phường Ba Đình chủ trì, phối hợp Đảng ủy phường Ba Đình tổ chức kỷ niệm Ngày thành lập phường.
            4. Giao Sở Xây dựng chủ trì:
            a) Rà soát các chung cư cũ xuống cấp, báo cáo trước ngày 15/03/2027;
            b) Phối hợp Sở Quy hoạch - Kiến trúc lập kế hoạch cải tạo, hoàn thành trong quý IV/2027.
            5. Giao UBND Thành phố chỉ đạo các sở, ngành tổng kết công tác năm, chậm nhất là ngày 25/12/2026.
            6. Giao Thường trực HĐND Thành phố giám sát chuyên đề, định kỳ báo cáo Ban Thường vụ Thành ủy.
            7. Giao So Khoa hoc va Cong nghe chu tri, phoi hop voi So Giao duc va Dao tao trien khai phong trao sang tao tre, truoc ngay 01/06/2027.
            """,
            [
                "1 | 01-COMMITTEE-SNNMT | 00103-COMMITTEE, 00070-COMMITTEE | none",
                "2 | 01-COMMITTEE-STC | 01-COMMITTEE-SXD, ? | month 2027-03-31",
                "3 | 00004-COMMITTEE | 00004-PARTY | none",
                "4.a | 01-COMMITTEE-SXD | - | date 2027-03-15",
                "4.b | 01-COMMITTEE-SXD | 01-COMMITTEE-SQHKT | quarter 2027-12-31",
                "5 | 01-COMMITTEE | - | date 2026-12-25",
                "6 | 01-COUNCIL | - | periodic",
                "7 | 01-COMMITTEE-SKHCN | 01-COMMITTEE-SGDDT | date 2027-06-01",
            ]),
        ("Kết luận phiên họp UBND Thành phố (đề nghị … giao, tên đầy đủ, tên tắt, ngày có gạch ngang)", """
            Kết luận số 215/KL-UBND ngày 02/12/2026 của UBND Thành phố:
            1. Đề nghị UBND Thành phố giao Sở Tài chính chủ trì, phối hợp Sở Xây dựng Thành phố Hà Nội rà soát danh mục dự án chậm giải ngân, hoàn thành trước tháng 12/2026.
            2. Ủy ban nhân dân phường Hoàn Kiếm thực hiện việc sắp xếp trụ sở làm việc, xong trước 30-9-2027.
            3. Giao Sở KHCN chủ trì, phối hợp với Sở GDĐT và Thành đoàn Hà Nội tổ chức Cuộc thi sáng tạo thanh thiếu niên nhi đồng năm 2027, hằng năm báo cáo kết quả.
            4. Hội Cựu chiến binh Thành phố Hà Nội phối hợp Ủy ban MTTQ Thành phố Hà Nội tổ chức gặp mặt truyền thống trong ngày 22/12/2026.
            """,
            [
                "1 | 01-COMMITTEE-STC | 01-COMMITTEE-SXD | month 2026-11-30",
                "2 | 00070-COMMITTEE | - | date 2027-09-30",
                "3 | 01-COMMITTEE-SKHCN | 01-COMMITTEE-SGDDT, 01-FRONT-DTN | periodic",
                "4 | 01-FRONT-HCCB | 01-FRONT | date 2026-12-22",
            ]),
    ];

    private static ParseUnit Department(string suffix, string name) =>
        new($"01-COMMITTEE-{suffix}", $"{name} {City}", UnitLevel.SubUnit, Pillar.Committee, City, "", []);

    private static ParseUnit Member(string suffix, string name) =>
        new($"01-FRONT-{suffix}", name, UnitLevel.SubUnit, Pillar.Front, City, "", []);

    private static ParseUnit[] Ward(string code, string name) =>
    [
        new($"{code}-PARTY", $"Đảng ủy phường {name}", UnitLevel.Commune, Pillar.Party, name, "phường", []),
        new($"{code}-COUNCIL", $"Hội đồng nhân dân phường {name}", UnitLevel.Commune, Pillar.Council, name, "phường", []),
        new($"{code}-COMMITTEE", $"Ủy ban nhân dân phường {name}", UnitLevel.Commune, Pillar.Committee, name, "phường", []),
        new($"{code}-FRONT", $"Ủy ban MTTQ phường {name}", UnitLevel.Commune, Pillar.Front, name, "phường", []),
    ];
}
