using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>
/// Files kept for a form shown again: the token brings the same bytes back to the user it was held for, and to nobody
/// else; a lapsed, forged or swept one finds nothing; a released file is gone from the disk.
/// </summary>
public sealed class HeldUploadsTests : IDisposable
{
    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "df-held-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
    private readonly AttachmentStore _store;
    private readonly HeldUploads _held;

    public HeldUploadsTests()
    {
        _store = new AttachmentStore(new AttachmentOptions { Folder = _folder }, new DatabaseOptions());
        _held = new HeldUploads(_store, new EphemeralDataProtectionProvider(), new WallClock(_time));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_held_file_comes_back_whole_to_its_user_and_is_gone_once_released()
    {
        var held = await _held.HoldAsync(new UploadedFile("Kết luận ký số.pdf", new MemoryStream(Pdf)), "01-PARTY", Ct);
        Assert.Equal(("Kết luận ký số.pdf", Pdf.Length), (held.FileName, held.Size));
        Assert.DoesNotContain("Kết luận", held.Token, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_store.HeldFolder));
        Assert.Empty(Directory.GetFiles(_store.Folder));

        var found = _held.Find(held.Token, "01-PARTY");
        Assert.NotNull(found);
        var file = await _held.OpenAsync(found, Ct);
        Assert.NotNull(file);
        Assert.Equal("Kết luận ký số.pdf", file.FileName);
        Assert.Equal(Pdf, ((MemoryStream)file.Content).ToArray());
        Assert.Equal(0, file.Content.Position);

        _held.Release(found);
        Assert.Empty(Directory.GetFiles(_store.HeldFolder));
        Assert.Null(await _held.OpenAsync(found, Ct));
    }

    [Fact]
    public async Task Another_users_forged_or_lapsed_token_finds_nothing_and_nobody_holds_for_a_nameless_user()
    {
        var held = await _held.HoldAsync(new UploadedFile("a.pdf", new MemoryStream(Pdf)), "01-PARTY", Ct);

        Assert.Null(_held.Find(held.Token, "00070-PARTY"));
        Assert.Null(_held.Find(held.Token[..^4] + "AAAA", "01-PARTY"));
        Assert.Null(_held.Find("not a token", "01-PARTY"));
        await Assert.ThrowsAsync<ArgumentException>(() => _held.HoldAsync(new UploadedFile("b.pdf", new MemoryStream(Pdf)), "", Ct));
        Assert.Null(new HeldUploads(_store, new EphemeralDataProtectionProvider(), new WallClock(_time)).Find(held.Token, "01-PARTY"));

        _time.Advance(HeldUploads.Lifetime - TimeSpan.FromMinutes(1));
        Assert.NotNull(_held.Find(held.Token, "01-PARTY"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(_held.Find(held.Token, "01-PARTY"));
    }

    [Fact]
    public async Task Holding_a_file_sweeps_the_ones_whose_form_never_came_back()
    {
        var old = await _held.HoldAsync(new UploadedFile("old.pdf", new MemoryStream(Pdf)), "01-PARTY", Ct);
        var oldPath = Assert.Single(Directory.GetFiles(_store.HeldFolder));
        // Written a lifetime and a minute before the next hold.
        File.SetLastWriteTimeUtc(oldPath, (_time.GetUtcNow() - HeldUploads.Lifetime - TimeSpan.FromMinutes(1)).UtcDateTime);
        var recent = await _held.HoldAsync(new UploadedFile("recent.pdf", new MemoryStream(Pdf)), "01-PARTY", Ct);

        Assert.False(File.Exists(oldPath));
        Assert.Single(Directory.GetFiles(_store.HeldFolder));
        Assert.Null(await _held.OpenAsync(old, Ct));
        Assert.NotNull(await _held.OpenAsync(recent, Ct));
    }

    [Fact]
    public async Task The_hourly_sweeper_removes_a_lapsed_file_with_no_form_coming_and_leaves_a_recent_one()
    {
        var old = await _held.HoldAsync(new UploadedFile("old.pdf", new MemoryStream(Pdf)), "01-PARTY", Ct);
        var oldPath = Assert.Single(Directory.GetFiles(_store.HeldFolder));
        File.SetLastWriteTimeUtc(oldPath, (_time.GetUtcNow() - HeldUploads.Lifetime - TimeSpan.FromMinutes(1)).UtcDateTime);
        var recent = await _held.HoldAsync(new UploadedFile("recent.pdf", new MemoryStream(Pdf)), "01-PARTY", Ct);
        // The hold above swept the old one; written old again, only the sweeper's hour can take it now.
        await File.WriteAllBytesAsync(oldPath, Pdf, Ct);
        File.SetLastWriteTimeUtc(oldPath, (_time.GetUtcNow() - HeldUploads.Lifetime - TimeSpan.FromMinutes(1)).UtcDateTime);

        using var sweeper = new HeldUploadsSweeper(_store, new WallClock(_time), Microsoft.Extensions.Logging.Abstractions.NullLogger<HeldUploadsSweeper>.Instance);
        await sweeper.StartAsync(Ct);
        // The service starts its loop on a thread of its own: the fake clock moves a minute at a time until the file
        // goes, and it must not go before an hour has passed since the start.
        var started = _time.GetUtcNow();
        for (var i = 0; i < 500 && File.Exists(oldPath); i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20, Ct);
        }

        Assert.True(_time.GetUtcNow() - started >= HeldUploadsSweeper.Interval, $"swept after {_time.GetUtcNow() - started}");
        Assert.False(File.Exists(oldPath));
        Assert.Single(Directory.GetFiles(_store.HeldFolder));
        Assert.Null(await _held.OpenAsync(old, Ct));
        Assert.NotNull(await _held.OpenAsync(recent, Ct));
        await sweeper.StopAsync(Ct);
    }
}
