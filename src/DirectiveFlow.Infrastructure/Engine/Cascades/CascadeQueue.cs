using System.Threading.Channels;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>Cascades whose batches the background writer is to write, in the order they were committed.</summary>
public sealed class CascadeQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid cascadeExecutionId) => _channel.Writer.TryWrite(cascadeExecutionId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
