using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>A request body that fails with a 413 once more than <c>limit</c> bytes have been read (chunked bodies carry no Content-Length).</summary>
public sealed class LengthLimitedStream(Stream inner, long limit) : Stream
{
    private static readonly object LimitKey = new();

    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public static BadHttpRequestException TooLarge(long limit) => BadRequestProblem.Carrying(
        new BadHttpRequestException(Message(limit).Text(english: true), StatusCodes.Status413PayloadTooLarge), Message(limit));

    /// <summary>Remembers the request's limit, so a 413 the framework writes itself can still say what it is.</summary>
    public static void Remember(HttpContext context, long limit) => context.Items[LimitKey] = limit;

    /// <summary>The limit the request was held to (<see cref="Remember"/>), or null when none was set.</summary>
    public static long? LimitOf(HttpContext context) => context.Items[LimitKey] as long?;

    /// <summary>
    /// A 413 written by the framework (minimal APIs answer a body that fails while read with the bare status) gets
    /// the limit as its <c>$</c> error, like the 413s answered by the bad-request handler.
    /// </summary>
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && !context.ProblemDetails.Extensions.ContainsKey("errors")
            && context.HttpContext.Items[LimitKey] is long limit)
        {
            var english = ProblemLanguage.IsEnglish(context.HttpContext);
            var message = Message(limit).Text(english);
            context.ProblemDetails.Title = new ErrorMessage(ErrorCodes.BodyTooLarge).Text(english);
            context.ProblemDetails.Detail = message;
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [JsonErrorText.Root] = [message] };
            context.ProblemDetails.Extensions["code"] = ErrorCodes.BodyTooLarge;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static ErrorMessage Message(long limit) => new(ErrorCodes.BodyLimit, new ByteSize(limit));

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw TooLarge(limit) : read;
    }
}
