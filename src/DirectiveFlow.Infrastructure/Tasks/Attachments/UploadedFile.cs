namespace DirectiveFlow.Infrastructure.Tasks.Attachments;

/// <summary>One file as it arrived (multipart form or the page's file input): its name as given, and its bytes (seekable).</summary>
public sealed record UploadedFile(string? FileName, Stream Content);
