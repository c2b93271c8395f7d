using System.Security.Cryptography;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Tasks.Attachments;

/// <summary>
/// Keeps attachment bytes on disk outside the web root, each under a random key (never the user's file name), so a
/// stored file can be neither guessed nor reached except through the access-checked download endpoint. Files chosen on
/// a form that was shown again before it was sent (<see cref="HoldAsync"/>) wait apart, in "held", until the form is sent
/// or they are swept.
/// </summary>
public sealed class AttachmentStore(AttachmentOptions options, DatabaseOptions database)
{
    public string Folder { get; } = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Folder)
        ? Path.Combine(database.DataFolder, "attachments")
        : options.Folder);

    /// <summary>Where held files wait (a folder name no key can take: keys are hex).</summary>
    public string HeldFolder => Path.Combine(Folder, "held");

    public Task<string> SaveAsync(Stream content, CancellationToken cancellationToken) => WriteAsync(Folder, content, cancellationToken);

    public Stream OpenRead(string key) => Open(Folder, key);

    public void Delete(string key) => File.Delete(PathOf(Folder, key));

    /// <summary>Keeps a chosen file until its form is sent; answers its key among the held files.</summary>
    public Task<string> HoldAsync(Stream content, CancellationToken cancellationToken) => WriteAsync(HeldFolder, content, cancellationToken);

    /// <summary>A held file, or null when it is gone (swept, or taken by the form it was held for).</summary>
    public Stream? OpenHeld(string key) => File.Exists(PathOf(HeldFolder, key)) ? Open(HeldFolder, key) : null;

    public void DeleteHeld(string key) => File.Delete(PathOf(HeldFolder, key));

    /// <summary>Deletes the held files written before <paramref name="before"/> (forms never sent); answers how many.</summary>
    public int SweepHeld(DateTimeOffset before)
    {
        if (!Directory.Exists(HeldFolder))
        {
            return 0;
        }

        var swept = 0;
        foreach (var file in new DirectoryInfo(HeldFolder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < before.UtcDateTime)
            {
                try
                {
                    file.Delete();
                    swept++;
                }
                catch (IOException)
                {
                    // Taken or deleted by another request meanwhile: nothing left to sweep.
                }
            }
        }

        return swept;
    }

    private static async Task<string> WriteAsync(string folder, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        await using var file = new FileStream(PathOf(folder, key), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    private static FileStream Open(string folder, string key) =>
        new(PathOf(folder, key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    private static string PathOf(string folder, string key)
    {
        // Keys are ours (hex), but refuse anything that could step out of the folder all the same.
        if (key.Length == 0 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Invalid storage key.", nameof(key));
        }

        return Path.Combine(folder, key);
    }
}
