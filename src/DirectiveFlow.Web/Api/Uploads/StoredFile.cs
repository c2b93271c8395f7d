using DirectiveFlow.Infrastructure.Tasks.Attachments;

namespace DirectiveFlow.Web.Api.Uploads;

/// <summary>Serves a stored attachment under its own name and type, never sniffed by the browser.</summary>
public static class StoredFile
{
    public static IResult Serve(AttachmentStore store, HttpResponse response, string storageKey, string contentType, string fileName)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        // Results.File writes Content-Disposition with an ASCII fallback and an RFC 5987 filename* in UTF-8, so
        // Vietnamese names arrive intact and no header injection is possible.
        return TypedResults.File(store.OpenRead(storageKey), contentType, fileName);
    }
}
