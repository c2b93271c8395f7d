using System.Security.Cryptography;
using System.Text.Json;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.AspNetCore.DataProtection;

namespace DirectiveFlow.Infrastructure.Tasks.Attachments;

/// <summary>A file kept for a form shown again: its name and size to show, and the token the form posts back to keep it.</summary>
public sealed record HeldFile(string Token, string FileName, long Size)
{
    internal string Key { get; init; } = "";
}

/// <summary>
/// Files chosen on a server-rendered form that is shown again instead of sent (a field error, an editor button): a
/// browser never refills a file input, so they are kept here (<see cref="AttachmentStore.HoldAsync"/>) and the form
/// carries a token for each, sealed by the data-protection keys (shared by every node) with the user it was held for and
/// when it lapses. A token that is forged, another user's or lapsed finds nothing; lapsed files are swept whenever a form
/// with files is held and hourly on every node (<see cref="HeldUploadsSweeper"/>). Lapse and sweep go by the wall clock (<see cref="WallClock"/>), as the files' times do: the demo's
/// movable clock must not sweep what another user held a second ago.
/// </summary>
public sealed class HeldUploads(AttachmentStore store, IDataProtectionProvider protection, WallClock time)
{
    /// <summary>How long a held file waits for its form.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly IDataProtector _protector = protection.CreateProtector("DirectiveFlow.HeldUploads.v1");

    /// <summary>Keeps <paramref name="file"/> for <paramref name="owner"/> (a signed-in user's name, never empty).</summary>
    public async Task<HeldFile> HoldAsync(UploadedFile file, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = time.GetUtcNow();
        Sweep();
        file.Content.Position = 0;
        var key = await store.HoldAsync(file.Content, cancellationToken);
        var name = file.FileName ?? "";
        var ticket = new Ticket(key, name, file.Content.Length, owner, (now + Lifetime).ToUnixTimeSeconds());
        return new HeldFile(_protector.Protect(JsonSerializer.Serialize(ticket)), name, ticket.Size) { Key = key };
    }

    /// <summary>The held file <paramref name="token"/> names for <paramref name="owner"/>; null when forged, someone else's or lapsed.</summary>
    public HeldFile? Find(string token, string owner)
    {
        Ticket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<Ticket>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }

        return ticket is not null && owner.Length > 0 && ticket.Owner == owner && time.GetUtcNow().ToUnixTimeSeconds() < ticket.Expires
            ? new HeldFile(token, ticket.Name, ticket.Size) { Key = ticket.Key }
            : null;
    }

    /// <summary>The held file's bytes in memory (seekable, for the content check); null when it is gone.</summary>
    public async Task<UploadedFile?> OpenAsync(HeldFile file, CancellationToken cancellationToken)
    {
        await using var stored = store.OpenHeld(file.Key);
        if (stored is null)
        {
            return null;
        }

        var content = new MemoryStream();
        await stored.CopyToAsync(content, cancellationToken);
        content.Position = 0;
        return new UploadedFile(file.FileName, content);
    }

    /// <summary>Lets go of a held file once its form has taken it (or let it go).</summary>
    public void Release(HeldFile file) => store.DeleteHeld(file.Key);

    /// <summary>Deletes the held files whose forms never came back within <see cref="Lifetime"/>.</summary>
    public int Sweep() => SweepLapsed(store, time);

    /// <summary>The one lapse rule, for the holder and for <see cref="HeldUploadsSweeper"/> (which has no data-protection keys to hold with).</summary>
    public static int SweepLapsed(AttachmentStore store, TimeProvider wall) => store.SweepHeld(wall.GetUtcNow() - Lifetime);

    private sealed record Ticket(string Key, string Name, long Size, string Owner, long Expires);
}
