using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation;

/// <summary>
/// A locality as officials name it: the official list carries "Hoàn Kiếm" with its type apart; people write
/// "Phường Hoàn Kiếm", "Xã Sóc Sơn", "Đặc khu Côn Đảo" (a province's name already says "Thành phố" or "Tỉnh").
/// </summary>
public static class LocalityNames
{
    /// <summary>"phường", "xã", "đặc khu"; empty for a province.</summary>
    public static string KindOf(LocalityType type) => type switch
    {
        LocalityType.Ward => "phường",
        LocalityType.Commune => "xã",
        LocalityType.SpecialZone => "đặc khu",
        _ => "",
    };

    /// <summary>E.g. "Phường Hoàn Kiếm"; the name as it is when it already starts with its kind, or for a province.</summary>
    public static string Full(string name, LocalityType type)
    {
        var kind = KindOf(type);
        return kind.Length == 0 || name.StartsWith(kind, StringComparison.OrdinalIgnoreCase)
            ? name
            : $"{char.ToUpperInvariant(kind[0])}{kind[1..]} {name}";
    }

    public static string Full(Locality locality) => Full(locality.Name, locality.Type);
}
