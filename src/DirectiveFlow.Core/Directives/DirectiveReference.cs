using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Core.Directives;

/// <summary>
/// How a letter cites a directive: "Kết luận số 15-KL/TU ngày 01/12/2026 của Thành ủy Hà Nội, do đồng chí Nguyễn Văn A,
/// Bí thư Thành ủy, ký" — each part only when recorded — and its overall deadline ("01/03/2027"), for emails and reports.
/// </summary>
public sealed record DirectiveReference(
    string Number, DocumentType? Type, DateOnly? IssuedOn, string IssuingUnitName, string? SignerName, string? SignerPosition,
    DateTimeOffset? Deadline)
{
    /// <summary>The citation in Vietnamese (<paramref name="english"/> false) or English.</summary>
    public string Text(bool english)
    {
        var text = Dated(english);

        if (IssuingUnitName.Length > 0)
        {
            text += (english ? " by " : " của ") + IssuingUnitName;
        }

        if (SignerName is { Length: > 0 } signer)
        {
            var position = SignerPosition is { Length: > 0 } p ? p : null;
            text += english
                ? $", signed by {signer}" + (position is null ? "" : $" ({position})")
                : $", do đồng chí {signer}" + (position is null ? "" : $", {position},") + " ký";
        }

        return text;
    }

    /// <summary>The document's name and issue date, as report tables list it: "Kết luận số 15-KL/TU ngày 01/12/2026".</summary>
    public string Dated(bool english) =>
        IssuedOn is { } on ? Head(english) + (english ? " of " : " ngày ") + DirectiveDocument.Format(on) : Head(english);

    /// <summary>The overall deadline's day (dd/MM/yyyy), or null when the directive has none.</summary>
    public string? DeadlineText => Deadline is { } d ? DirectiveDocument.Format(VietnamTime.DateOf(d)) : null;

    /// <summary>
    /// The document's name: "Kết luận số 15-KL/TU"; a number typed with its type already ("Kết luận số 15-KL/TU") or with "số" is not doubled;
    /// without a type, the number as typed.
    /// </summary>
    public string Head(bool english)
    {
        var number = Number.Trim();
        if (Type is not { } known || number.StartsWith(DocumentTypeNames.Of(known, false), StringComparison.OrdinalIgnoreCase)
            || number.StartsWith(DocumentTypeNames.Of(known, true), StringComparison.OrdinalIgnoreCase))
        {
            return number;
        }

        var type = DocumentTypeNames.Of(known, english);

        var bare = number.StartsWith("số ", StringComparison.OrdinalIgnoreCase) || number.StartsWith("No.", StringComparison.OrdinalIgnoreCase)
            ? number[3..].TrimStart()
            : number;
        return english ? $"{type} No. {bare}" : $"{type} số {bare}";
    }
}
