using System.Text;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// Guards request bodies before an endpoint reads them. Every body is limited to
/// <see cref="InputLimits.RequestBodyBytes"/> unless its endpoint declares another limit
/// (<see cref="RequestBodyLimits.WithRequestBodyLimit{TBuilder}"/>): a larger Content-Length is refused before anything
/// is read, a chunked body once it passes the limit (413). A charset no encoding answers to is refused (415) rather
/// than failing inside the JSON reader (a 500).
/// </summary>
public sealed class RequestBodyMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return next(context);
        }

        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.Charset is { Length: > 0 } charset && !IsKnown(charset.Value!))
        {
            var message = new ErrorMessage(ErrorCodes.UnsupportedCharset, charset.Value);
            throw BadRequestProblem.Carrying(new BadHttpRequestException(message.Text(english: true), StatusCodes.Status415UnsupportedMediaType), message);
        }

        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        if ((declared is null ? InputLimits.RequestBodyBytes : declared.MaxRequestBodySize) is { } limit)
        {
            LengthLimitedStream.Remember(context, limit);
            if (context.Request.ContentLength > limit)
            {
                throw LengthLimitedStream.TooLarge(limit);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            {
                server.MaxRequestBodySize = limit;
            }

            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        }

        return next(context);
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
