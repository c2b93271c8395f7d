using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation;

/// <summary>The official Vietnamese names of a locality's four pillar units.</summary>
public static class PillarUnitNames
{
    private const string CityPrefix = "Thành phố ";
    private const string ProvincePrefix = "Tỉnh ";

    /// <summary>E.g. "Thành ủy Hà Nội", "HĐND Thành phố Hà Nội", "UBND Tỉnh Cao Bằng", "Ủy ban MTTQ Thành phố Huế".</summary>
    public static string ForProvince(string provinceName, Pillar pillar)
    {
        var isCity = provinceName.StartsWith(CityPrefix, StringComparison.Ordinal);
        var shortName = isCity ? provinceName[CityPrefix.Length..]
            : provinceName.StartsWith(ProvincePrefix, StringComparison.Ordinal) ? provinceName[ProvincePrefix.Length..]
            : provinceName;
        return pillar switch
        {
            Pillar.Party => (isCity ? "Thành ủy " : "Tỉnh ủy ") + shortName,
            Pillar.Council => "HĐND " + provinceName,
            Pillar.Committee => "UBND " + provinceName,
            Pillar.Front => "Ủy ban MTTQ " + provinceName,
            _ => throw new ArgumentOutOfRangeException(nameof(pillar), pillar, null),
        };
    }

    /// <summary>E.g. "Đảng ủy phường Hoàn Kiếm", "Ủy ban nhân dân xã Sóc Sơn", "Hội đồng nhân dân đặc khu Côn Đảo".</summary>
    public static string ForCommune(string name, LocalityType type, Pillar pillar)
    {
        var kind = LocalityNames.KindOf(type) is { Length: > 0 } k ? k : throw new ArgumentOutOfRangeException(nameof(type), type, null);
        var prefix = pillar switch
        {
            Pillar.Party => "Đảng ủy",
            Pillar.Council => "Hội đồng nhân dân",
            Pillar.Committee => "Ủy ban nhân dân",
            Pillar.Front => "Ủy ban MTTQ",
            _ => throw new ArgumentOutOfRangeException(nameof(pillar), pillar, null),
        };
        return $"{prefix} {kind} {name}";
    }
}
