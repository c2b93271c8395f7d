using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Engine.Runtime;

namespace DirectiveFlow.Infrastructure.Tests.Directives;

/// <summary>
/// Regression (issue 13 part 6): a flow's template rendered "…hành động thực hiện Về đẩy nhanh…". Templates now name the
/// document ("Kết luận số 15-KL/TU") and put its title or summary in running text.
/// </summary>
public sealed class DirectiveTemplateTextTests
{
    private static FlowDocument Document(string number = "15-KL/TU", DocumentType? type = DocumentType.Conclusion, string title = "Về đẩy nhanh tiến độ Vành đai 4",
        string? summary = null) =>
        new(Guid.NewGuid(), number, title, DirectivePriority.Normal, Guid.NewGuid(), "issuer", [])
        {
            DocumentType = type, IssuedOn = new DateOnly(2026, 12, 1), Summary = summary,
        };

    [Fact]
    public void The_shipped_action_plan_reads_naturally_in_Vietnamese()
    {
        var text = TemplateText.Fill("{{unit.name}} xây dựng kế hoạch hành động thực hiện {{directive.document}} {{directive.about}}: rõ tiến độ.",
            Document(), new TargetUnit(Guid.NewGuid(), "00070-PARTY", "Đảng ủy phường Hoàn Kiếm", Core.Organisation.Pillar.Party, Core.Organisation.UnitLevel.Commune, null));

        Assert.Equal("Đảng ủy phường Hoàn Kiếm xây dựng kế hoạch hành động thực hiện Kết luận số 15-KL/TU về đẩy nhanh tiến độ Vành đai 4: rõ tiến độ.", text);
    }

    [Theory]
    [InlineData("{{directive.title | inline}}", "về đẩy nhanh tiến độ Vành đai 4")]
    [InlineData("{{ directive.summaryInline }}", "về đẩy nhanh tiến độ Vành đai 4")]
    [InlineData("{{directive.issuedOn}}", "01/12/2026")]
    [InlineData("{{directive.number}}", "15-KL/TU")]
    [InlineData("{{directive.unknown | inline}}", "{{directive.unknown | inline}}")]
    public void Each_placeholder_fills_as_documented(string template, string expected) =>
        Assert.Equal(expected, TemplateText.Fill(template, Document(), null));

    [Fact]
    public void Every_placeholder_the_validator_accepts_is_filled_and_no_other()
    {
        // The validator's list (Core) and the engine's switch (TemplateText) must agree: a key the validator accepts
        // but the engine leaves as written is the bug the list exists to prevent.
        var unit = new TargetUnit(Guid.NewGuid(), "00070-PARTY", "Đảng ủy phường Hoàn Kiếm", Core.Organisation.Pillar.Party, Core.Organisation.UnitLevel.Commune, null);

        Assert.All(Core.Workflows.Validation.TemplatePlaceholders.Known, key =>
            Assert.DoesNotContain("{{", TemplateText.Fill("{{" + key + "}}", Document(), unit), StringComparison.Ordinal));
        Assert.Equal("{{directive.tittle}}", TemplateText.Fill("{{directive.tittle}}", Document(), unit));
    }

    [Theory]
    [InlineData("Đẩy nhanh tiến độ.", "đẩy nhanh tiến độ")]
    [InlineData("Hà Nội tăng tốc", "Hà Nội tăng tốc")]
    [InlineData("UBND thành phố chỉ đạo", "UBND thành phố chỉ đạo")]
    [InlineData("  ", "")]
    public void Inline_lowers_the_first_letter_but_keeps_names_and_abbreviations(string text, string expected) =>
        Assert.Equal(expected, TemplateText.Inline(text));

    [Fact]
    public void The_summary_is_preferred_in_running_text_and_about_adds_ve_when_missing()
    {
        Assert.Equal("tăng cường phòng cháy", TemplateText.Fill("{{directive.summaryInline}}", Document(summary: "Tăng cường phòng cháy."), null));
        Assert.Equal("về chuyển đổi số", TemplateText.Fill("{{directive.about}}", Document(title: "Chuyển đổi số"), null));
    }

    [Theory]
    [InlineData("15-KL/TU", DocumentType.Conclusion, "Kết luận số 15-KL/TU", "Conclusion No. 15-KL/TU")]
    [InlineData("Kết luận số 15-KL/TU", DocumentType.Conclusion, "Kết luận số 15-KL/TU", "Kết luận số 15-KL/TU")]
    [InlineData("số 07/CT-UBND", DocumentType.Directive, "Chỉ thị số 07/CT-UBND", "Directive No. 07/CT-UBND")]
    [InlineData("07/CT-UBND", null, "07/CT-UBND", "07/CT-UBND")]
    public void The_document_is_named_once_whether_or_not_its_number_carries_its_type(string number, DocumentType? type, string vi, string en)
    {
        var reference = new DirectiveReference(number, type, null, "", null, null, null);
        Assert.Equal((vi, en), (reference.Text(english: false), reference.Text(english: true)));
    }
}
