using DirectiveFlow.Infrastructure.Tasks.Attachments;
using DirectiveFlow.Web.Api.Uploads;

namespace DirectiveFlow.Web.Components.Shared;

/// <summary>
/// The files a server-rendered form posts under <see cref="Field"/> (<paramref name="name"/>): those chosen now, and those held from an earlier
/// showing of the same form (<see cref="HeldUploads"/>; their tokens come back under <see cref="HeldField"/>, one
/// ticked box each). A browser never refills a file input, so when the form is shown again instead of sent (a field
/// error, an editor button) <see cref="HoldAsync"/> keeps the files just chosen and the form lists them, ticked.
/// </summary>
public sealed class FormFiles(string name)
{
    public string Field => name;

    public string HeldField => name + "Held";

    /// <summary>The files kept for this form, to list (after <see cref="HoldAsync"/>) and to send.</summary>
    public List<HeldFile> Held { get; } = [];

    /// <summary>The files chosen in this post, in memory (seekable, for the content check).</summary>
    public List<UploadedFile> Chosen { get; } = [];

    /// <summary>
    /// Reads the post: each chosen file (one over the size limit is refused, not read: a ProblemException on "file") and
    /// each held file still ticked; one whose token finds nothing (lapsed, swept, or not this user's) is an error on
    /// "file" asking to choose it again.
    /// </summary>
    public async Task ReadAsync(HttpContext? http, HeldUploads held, AttachmentOptions options, string owner, FormErrors errors, CancellationToken ct)
    {
        if (http is null || !http.Request.HasFormContentType)
        {
            return;
        }

        var form = await http.Request.ReadFormAsync(ct);
        foreach (var token in form[HeldField].OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (held.Find(token, owner) is { } file)
            {
                Held.Add(file);
            }
            else
            {
                errors.Add("file", "Files.HeldGone");
            }
        }

        // The browser posts one empty, unnamed part when nothing was chosen.
        foreach (var file in form.Files.GetFiles(name).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            Chosen.Add(await MultipartFiles.InMemoryAsync(file, options, ct));
        }
    }

    /// <summary>The form is shown again: the files just chosen are kept with the held ones, to be listed and posted back.</summary>
    public async Task HoldAsync(HeldUploads held, string owner, CancellationToken ct)
    {
        foreach (var file in Chosen)
        {
            Held.Add(await held.HoldAsync(file, owner, ct));
        }

        Chosen.Clear();
    }

    /// <summary>Every file to send: the held ones read back, then the ones chosen now; null when a held file is gone meanwhile.</summary>
    public async Task<IReadOnlyList<UploadedFile>?> AllAsync(HeldUploads held, CancellationToken ct)
    {
        var all = new List<UploadedFile>();
        foreach (var file in Held)
        {
            if (await held.OpenAsync(file, ct) is not { } content)
            {
                return null;
            }

            all.Add(content);
        }

        all.AddRange(Chosen);
        return all;
    }

    /// <summary>The files were sent and stored where they belong: the held copies are let go and nothing is kept to show again.</summary>
    public void Sent(HeldUploads held)
    {
        foreach (var file in Held)
        {
            held.Release(file);
        }

        Held.Clear();
        Chosen.Clear();
    }
}
