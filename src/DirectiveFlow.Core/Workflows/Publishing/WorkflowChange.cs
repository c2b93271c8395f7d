namespace DirectiveFlow.Core.Workflows.Publishing;

/// <summary>
/// One difference between two versions of a definition. <see cref="Subject"/> is the activity id, the input name or
/// the connection's source; <see cref="SubjectName"/> its name as people know it. <see cref="Before"/> and
/// <see cref="After"/> are already worded values; <see cref="Describe"/> gives the whole sentence in either language.
/// </summary>
public sealed record WorkflowChange(
    WorkflowChangeKind Kind,
    string Subject,
    string? SubjectName = null,
    Worded? Property = null,
    Worded? Before = null,
    Worded? After = null)
{
    /// <summary>The change in words, e.g. «Bước "Xây dựng kế hoạch" (action-plan): Thời hạn: 10 ngày làm việc → 15 ngày làm việc».</summary>
    public string Describe(bool english)
    {
        var name = SubjectName is { Length: > 0 } n && n != Subject ? $"«{n}» ({Subject})" : Subject;
        return ChangeWords.Book.Text("Change." + Kind, english,
            name, Property?.Text(english), Before?.Text(english), After?.Text(english));
    }
}
