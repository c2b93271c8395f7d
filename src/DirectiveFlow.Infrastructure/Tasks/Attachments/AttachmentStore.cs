using System.Security.Cryptography;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Tasks.Attachments;

/// <summary>
/// Keeps attachment bytes on disk outside the web root, each under a random key (never the user's file name), so a
/// stored file can be neither guessed nor reached except through the access-checked download endpoint.
/// </summary>
public sealed class AttachmentStore(AttachmentOptions options, DatabaseOptions database)
{
    public string Folder { get; } = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Folder)
        ? Path.Combine(database.DataFolder, "attachments")
        : options.Folder);

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        await using var file = new FileStream(PathOf(key), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Stream OpenRead(string key) =>
        new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string key) => File.Delete(PathOf(key));

    private string PathOf(string key)
    {
        // Keys are ours (hex), but refuse anything that could step out of the folder all the same.
        if (key.Length == 0 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Invalid storage key.", nameof(key));
        }

        return Path.Combine(Folder, key);
    }
}
