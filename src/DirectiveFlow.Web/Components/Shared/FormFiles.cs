using DirectiveFlow.Infrastructure.Tasks.Attachments;
using DirectiveFlow.Web.Api.Uploads;

namespace DirectiveFlow.Web.Components.Shared;

/// <summary>
/// The files a server-rendered form posts under <see cref="Field"/> (<paramref name="name"/>): those chosen now, and
/// those held from an earlier showing of the same form (<see cref="HeldUploads"/>; each listed file posts its token under
/// <see cref="ShownField"/>, and under <see cref="HeldField"/> while its box is ticked). A browser never refills a file
/// input, so when the form is shown again instead of sent (a field error, an editor button) <see cref="HoldAsync"/>
/// keeps the files just chosen and the form lists them, ticked; a file unticked is let go.
/// </summary>
public sealed class FormFiles(string name)
{
    /// <summary>The message of a held file that is no longer kept (lapsed, swept, or sent already).</summary>
    public const string GoneMessage = "Files.HeldGone";

    public string Field => name;

    public string HeldField => name + "Held";

    public string ShownField => name + "Shown";

    /// <summary>The files kept for this form, to list (after <see cref="HoldAsync"/>) and to send.</summary>
    public List<HeldFile> Held { get; } = [];

    /// <summary>The files chosen in this post, in memory (seekable, for the content check).</summary>
    public List<UploadedFile> Chosen { get; } = [];

    /// <summary>
    /// Reads the post: each held file still ticked (one whose token finds nothing is an error on "file" asking to choose
    /// it again; one unticked is let go) and each chosen file (one over the size limit is refused unread: a
    /// ProblemException on "file"). Held files whose forms never came back are swept first.
    /// </summary>
    public async Task ReadAsync(HttpContext? http, HeldUploads held, AttachmentOptions options, string owner, FormErrors errors, CancellationToken ct)
    {
        if (http is null || !http.Request.HasFormContentType)
        {
            return;
        }

        var form = await http.Request.ReadFormAsync(ct);
        held.Sweep();
        var ticked = form[HeldField].OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var token in form[ShownField].OfType<string>().Where(t => !ticked.Contains(t)))
        {
            if (held.Find(token, owner) is { } unticked)
            {
                held.Release(unticked);
            }
        }

        foreach (var token in ticked)
        {
            if (held.Find(token, owner) is { } file)
            {
                Held.Add(file);
            }
            else if (!errors.For("file").Contains(GoneMessage))
            {
                // A token that finds nothing tells no name: the message says one file chosen before is gone.
                errors.Add("file", GoneMessage);
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
        if (owner.Length == 0)
        {
            return;
        }

        foreach (var file in Chosen)
        {
            Held.Add(await held.HoldAsync(file, owner, ct));
        }

        Chosen.Clear();
    }

    /// <summary>
    /// Every file to send in one go: the held ones read back, then the ones chosen now; null when a held file is gone
    /// meanwhile: it is no longer listed, and an error on "file" names it (<paramref name="gone"/> words it).
    /// </summary>
    public async Task<IReadOnlyList<UploadedFile>?> AllAsync(HeldUploads held, FormErrors errors, Func<string, string> gone, CancellationToken ct)
    {
        var all = new List<UploadedFile>();
        var missing = false;
        foreach (var file in Held.ToList())
        {
            if (await held.OpenAsync(file, ct) is { } content)
            {
                all.Add(content);
            }
            else
            {
                Held.Remove(file);
                errors.Add("file", gone(file.FileName));
                missing = true;
            }
        }

        all.AddRange(Chosen);
        return missing ? null : all;
    }

    /// <summary>The files were sent together and stored where they belong: the held copies are let go and nothing is kept to show again.</summary>
    public void Sent(HeldUploads held)
    {
        foreach (var file in Held)
        {
            held.Release(file);
        }

        Held.Clear();
        Chosen.Clear();
    }

    /// <summary>
    /// Sends the files one by one (<paramref name="send"/> stores one where it belongs), each let go of as soon as it is
    /// stored, so a later refusal shows the form again with only the files not yet stored; false when a held file is gone:
    /// it is no longer listed, and an error on "file" names it (<paramref name="gone"/> words it).
    /// </summary>
    public async Task<bool> SendEachAsync(
        HeldUploads held, FormErrors errors, Func<string, string> gone, Func<UploadedFile, Task> send, CancellationToken ct)
    {
        foreach (var file in Held.ToList())
        {
            if (await held.OpenAsync(file, ct) is not { } content)
            {
                Held.Remove(file);
                errors.Add("file", gone(file.FileName));
                return false;
            }

            await send(content);
            Held.Remove(file);
            held.Release(file);
        }

        while (Chosen.Count > 0)
        {
            await send(Chosen[0]);
            Chosen.RemoveAt(0);
        }

        return true;
    }
}
