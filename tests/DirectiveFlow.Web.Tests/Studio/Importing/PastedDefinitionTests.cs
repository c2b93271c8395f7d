using System.Text;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Web.Studio.Importing;
using Microsoft.JSInterop;

namespace DirectiveFlow.Web.Tests.Studio.Importing;

/// <summary>
/// The import box's text comes as a stream: sent as the box's change event, a paste over the hub's 32 KB message limit
/// ended the circuit. A real flow (up to the file import's 1 MB) is read whole; past it nothing is read, and the studio
/// shows the validator's "too large" error.
/// </summary>
public sealed class PastedDefinitionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paste_over_the_hubs_message_limit_is_read_whole()
    {
        var json = "{\"id\": \"lớn\", \"name\": \"" + new string('ệ', 200_000) + "\"}"; // 600 KB in UTF-8
        var stream = new FakeStream(Encoding.UTF8.GetBytes(json));

        var pasted = await PastedDefinition.ReadAsync(stream, Ct);

        Assert.Equal((json, (long)Encoding.UTF8.GetByteCount(json), false), (pasted.Json, pasted.Bytes, pasted.IsTooLarge));
        Assert.Equal(InputLimits.WorkflowDefinitionBytes, stream.MaxAllowedSize);
    }

    [Fact]
    public async Task A_paste_over_the_definition_limit_is_not_read()
    {
        var stream = new FakeStream(new byte[InputLimits.WorkflowDefinitionBytes + 1]);

        var pasted = await PastedDefinition.ReadAsync(stream, Ct);

        Assert.Equal((null, InputLimits.WorkflowDefinitionBytes + 1L, true), (pasted.Json, pasted.Bytes, pasted.IsTooLarge));
        Assert.Null(stream.MaxAllowedSize);
    }

    private sealed class FakeStream(byte[] bytes) : IJSStreamReference
    {
        public long? MaxAllowedSize { get; private set; }

        public long Length => bytes.Length;

        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            MaxAllowedSize = maxAllowedSize;
            return ValueTask.FromResult<Stream>(new MemoryStream(bytes));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
