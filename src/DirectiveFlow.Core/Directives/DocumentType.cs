namespace DirectiveFlow.Core.Directives;

/// <summary>
/// The kind of document a directive is (issue 13): Nghị quyết, Kết luận, Chỉ thị, Kế hoạch, Công văn, Thông báo kết
/// luận, Quyết định. Stored by its name (as the other enums), so a member is never renamed without a migration.
/// </summary>
public enum DocumentType
{
    /// <summary>Nghị quyết.</summary>
    Resolution = 1,

    /// <summary>Kết luận.</summary>
    Conclusion = 2,

    /// <summary>Chỉ thị.</summary>
    Directive = 3,

    /// <summary>Kế hoạch.</summary>
    Plan = 4,

    /// <summary>Công văn.</summary>
    OfficialLetter = 5,

    /// <summary>Thông báo kết luận.</summary>
    ConclusionNotice = 6,

    /// <summary>Quyết định.</summary>
    Decision = 7,
}
