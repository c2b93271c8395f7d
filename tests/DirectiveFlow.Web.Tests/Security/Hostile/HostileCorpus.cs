using System.Net.Http.Headers;
using System.Text;

namespace DirectiveFlow.Web.Tests.Security.Hostile;

/// <summary>
/// The hostile inputs of issue 14 §3/§4, as requests for one endpoint: bodies (malformed, empty, wrong shape, bad
/// UTF-8, lone surrogates, deep nesting, wrong types, non-GUID ids, numeric enums, duplicate keys, NUL, overflowing
/// numbers, oversized), query strings, route values, headers and multipart file names.
/// </summary>
public static class HostileCorpus
{
    public static readonly IReadOnlyList<(string Case, string Query)> Queries =
    [
        ("page overflows int", "Page=99999999999"), ("pageSize not a number", "PageSize=abc"), ("page at int.MaxValue", "page=2147483647&pageSize=500"),
        ("page negative", "page=-5&pageSize=0"), ("dueBefore not a date", "DueBefore=x"), ("dueAfter impossible date", "dueAfter=9999-99-99"),
        ("parentId not a GUID", "parentId=xyz"), ("ids not GUIDs", "issuingUnitId=xyz&directiveId=xyz&unitId=xyz"), ("bool not a bool", "active=maybe"),
        ("version not a number", "version=abc"), ("version overflows", "version=99999999999"), ("numeric enums", "status=1&priority=1&category=2&pillar=3&level=4&scope=5"),
        ("NUL and zero-width", "q=%00%E2%80%8B&pillar=%00&status=%00"), ("bad UTF-8 escapes", "q=%C3%28&status=%FF%FE"),
        ("very long value", "q=" + new string('a', 5000)), ("repeated keys", "page=1&page=2&status=Assigned&status=Bogus"),
        ("open redirect", "returnUrl=//evil.example&advance=P99999999D"),
    ];

    /// <summary>Not "%00": a path with NUL never reaches the app (Kestrel answers 400 itself; the test server's client refuses to send it).</summary>
    public static readonly IReadOnlyList<string> RouteValues =
    [
        "xyz", "99999999999", "-1", "..%2F..%2Fappsettings.json", "%E2%80%8B", "%C3%28", new string('a', 3000), "'%20OR%201=1--",
    ];

    private static readonly string Deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);

    /// <param name="issuingUnitId">A unit that may issue, so the deadline overflow reaches the engine instead of stopping at the unit.</param>
    public static IEnumerable<(string Case, Func<HttpContent> Body)> Bodies(Guid issuingUnitId)
    {
        yield return ("malformed JSON", () => Json("{\"title\":"));
        yield return ("empty body", () => Json(""));
        yield return ("array instead of object", () => Json("[]"));
        yield return ("string instead of object", () => Json("\"text\""));
        yield return ("null body", () => Json("null"));
        yield return ("bad UTF-8", () => Bytes([.. "{\"title\":\"x"u8, 0xC3, 0x28, .. "\",\"name\":\""u8, 0xFF, .. "\"}"u8]));
        yield return ("lone surrogate", () => Json("{\"title\":\"\\uD800\",\"note\":\"a\\uDC00\",\"name\":\"\\uD800\",\"result\":\"\\uDBFF\"}"));
        yield return ("nesting deeper than 64", () => Json("{\"inputs\":" + Deep + ",\"selector\":" + Deep + "}"));
        yield return ("arrays nested 200 deep", () => Json(new string('[', 200) + new string(']', 200)));
        yield return ("wrong types", () => Json("""{"title":5,"number":true,"body":{},"issuingUnitId":7,"percent":"x","note":[],"unitIds":"x","days":{},"approve":"yes","additionalWorkingDays":"x","parentId":5,"kind":{},"username":1,"password":2,"advance":3,"decision":[],"inputs":[],"selector":"x","deadline":5,"outcome":1}"""));
        yield return ("non-GUID ids", () => Json("""{"issuingUnitId":"xyz","parentId":"xyz","unitIds":["xyz"],"workflowDefinitionId":"xyz"}"""));
        yield return ("numeric enums", () => Json("""{"priority":1,"kind":1,"decision":1,"days":[{"date":"2026-01-01","kind":1,"name":"x"}]}"""));
        yield return ("undefined enum numbers", () => Json("""{"kind":99,"priority":"99","days":[{"date":"2026-01-01","kind":99,"name":"x"}]}"""));
        yield return ("nulls inside lists", () => Json("""{"days":[null],"unitIds":[null],"inputs":null}"""));
        yield return ("nulls inside definition lists", () => Json("""{"id":"x","name":"x","activities":[null],"connections":[null],"inputs":[null],"issuers":{"pillars":[null]}}"""));
        yield return ("duplicate keys", () => Json("""{"title":"a","title":"b","inputs":{"deadlineDays":1,"deadlineDays":2},"days":[],"days":[]}"""));
        yield return ("NUL characters", () => Json("""{"title":"a\u0000b","number":"\u0000","name":"\u0000","note":"\u0000","reason":"\u0000","result":"\u0000","comment":"\u0000","username":"\u0000","password":"\u0000","advance":"\u0000"}"""));
        yield return ("only zero-width characters", () => Json("""{"title":"\u200B\u200C\uFEFF","name":"\u200B","note":"\u200B","result":"\u2060","reason":"\u200B","number":"\u200B"}"""));
        yield return ("overflowing numbers", () => Json("""{"percent":1e400,"additionalWorkingDays":99999999999,"year":1e20,"inputs":{"deadlineDays":1000000000},"deadline":{"workingDays":1000000000}}"""));
        yield return ("deadlineDays 1000000000", () => Json("""{"number":"1","title":"t","issuingUnitId":"ISSUER","workflowDefinitionId":"committee-directive","inputs":{"deadlineDays":1000000000}}""".Replace("ISSUER", issuingUnitId.ToString(), StringComparison.Ordinal)));
        yield return ("huge duration", () => Json("""{"title":"t","deadline":{"duration":"P99999999D"},"advance":"P99999999D","newDueDate":"9999-12-31"}"""));
        yield return ("2 MB body", () => Json("{\"title\":\"" + new string('a', 2 * 1024 * 1024) + "\"}"));
        yield return ("JSON sent as text/plain", () => new StringContent("{\"title\":\"x\"}", Encoding.UTF8, "text/plain"));
        yield return ("unknown charset", () => Content("{\"title\":\"x\"}"u8.ToArray(), "application/json; charset=klingon"));
        yield return ("form instead of JSON", () => new FormUrlEncodedContent([new("title", "x"), new("advance", "P1D"), new("username", "admin")]));
        yield return ("multipart file name with CRLF", () => Multipart("report\r\nX-Injected: 1.pdf"));
        yield return ("multipart file name with a quote", () => Multipart("report\".pdf"));
        yield return ("multipart without a boundary", () => Content("--x\r\n\r\n"u8.ToArray(), "multipart/form-data"));
        yield return ("multipart cut short", () => Content("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF"u8.ToArray(), "multipart/form-data; boundary=b"));
    }

    public static IEnumerable<(string Case, Action<HttpRequestMessage> Apply)> Headers()
    {
        yield return ("Accept: text/html", r => r.Headers.Accept.ParseAdd("text/html"));
        yield return ("Accept: application/xml", r => r.Headers.Accept.ParseAdd("application/xml"));
        yield return ("If-Match garbage", r => r.Headers.TryAddWithoutValidation("If-Match", "\"\u0000garbage"));
        yield return ("bearer garbage", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token"));
        yield return ("culture cookie garbage", r => r.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Culture=c%3D%00%7Cuic%3Dxx-%FF"));
        yield return ("Accept-Language garbage", r => r.Headers.TryAddWithoutValidation("Accept-Language", "%%%;q=abc, zz-ZZZZZZZZ"));
    }

    /// <summary>A multipart upload whose file name is written raw into its header, as a hostile client would.</summary>
    public static HttpContent Multipart(string fileName) => Content(Encoding.UTF8.GetBytes(
        $"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--b--\r\n"),
        "multipart/form-data; boundary=b");

    public static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes) => Content(bytes, "application/json");

    private static ByteArrayContent Content(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
