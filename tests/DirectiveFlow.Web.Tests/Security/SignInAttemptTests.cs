using System.Text;
using DirectiveFlow.Web.Security;
using Microsoft.AspNetCore.Http;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>The rate limiter reads the user name from the body before the endpoint does; it must never break the request.</summary>
public sealed class SignInAttemptTests
{
    public static TheoryData<string> UnreadableBodies => new()
    {
        """{"username":"\ud800","password":"x"}""",
        "{\"username\":\"ad",
        "[{\"username\":\"admin\"}]",
        string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)),
        "{\"username\":42}",
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task A_token_request_whose_name_cannot_be_read_is_left_whole_to_the_endpoint(string body)
    {
        var context = TokenRequest(Encoding.UTF8.GetBytes(body));

        await SignInAttempt.ReadUserNameAsync(context);

        Assert.Null(SignInAttempt.UserNameOf(context));
        Assert.Equal(body, await new StreamReader(context.Request.Body).ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_are_left_to_the_endpoint()
    {
        var context = TokenRequest([(byte)'{', 0xFF, 0xFE, (byte)'}']);

        await SignInAttempt.ReadUserNameAsync(context);

        Assert.Null(SignInAttempt.UserNameOf(context));
        Assert.Equal(0, context.Request.Body.Position);
    }

    [Fact]
    public async Task The_name_is_read_case_insensitively_and_normalised_and_the_body_rewound()
    {
        var context = TokenRequest("{\"UserName\":\" 00070-party.head \",\"password\":\"x\"}"u8.ToArray());

        await SignInAttempt.ReadUserNameAsync(context);

        Assert.Equal("00070-PARTY.HEAD", SignInAttempt.UserNameOf(context));
        Assert.Equal(0, context.Request.Body.Position);
    }

    private static DefaultHttpContext TokenRequest(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/auth/token";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        return context;
    }
}
