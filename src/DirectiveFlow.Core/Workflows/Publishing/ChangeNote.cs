using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Publishing;

/// <summary>
/// The publishing rule for the note a publisher writes (ghi chú thay đổi): required, at most <see cref="MaxLength"/>
/// characters. Stored on the published version beside who published it.
/// </summary>
public static class ChangeNote
{
    public const int MaxLength = 1000;

    /// <summary>Why <paramref name="note"/> cannot be published with, or null when it can.</summary>
    public static ErrorMessage? Check(string? note) =>
        string.IsNullOrWhiteSpace(note) ? new ErrorMessage(ErrorCodes.WorkflowChangeNoteRequired)
        : note.Trim().Length > MaxLength ? new ErrorMessage(ErrorCodes.WorkflowChangeNoteTooLong, MaxLength, note.Trim().Length)
        : null;
}
