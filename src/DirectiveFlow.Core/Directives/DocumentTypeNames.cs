namespace DirectiveFlow.Core.Directives;

/// <summary>A document type's name as emails and reports write it (the pages take theirs from the UI text).</summary>
public static class DocumentTypeNames
{
    public static string Of(DocumentType type, bool english) => (english, type) switch
    {
        (false, DocumentType.Resolution) => "Nghị quyết",
        (false, DocumentType.Conclusion) => "Kết luận",
        (false, DocumentType.Directive) => "Chỉ thị",
        (false, DocumentType.Plan) => "Kế hoạch",
        (false, DocumentType.OfficialLetter) => "Công văn",
        (false, DocumentType.ConclusionNotice) => "Thông báo kết luận",
        (false, DocumentType.Decision) => "Quyết định",
        (true, DocumentType.Resolution) => "Resolution",
        (true, DocumentType.Conclusion) => "Conclusion",
        (true, DocumentType.Directive) => "Directive",
        (true, DocumentType.Plan) => "Plan",
        (true, DocumentType.OfficialLetter) => "Official letter",
        (true, DocumentType.ConclusionNotice) => "Conclusion notice",
        (true, DocumentType.Decision) => "Decision",
        _ => type.ToString(),
    };
}
