using DirectiveFlow.Infrastructure.Email.Links;
using Microsoft.Extensions.Configuration;

namespace DirectiveFlow.Infrastructure.Tests.Email.Links;

public sealed class PublicAddressTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_configured_address_wins_over_where_the_host_listens()
    {
        var settings = Settings(("App:BaseUrl", "https://directiveflow.hanoi.gov.vn/"), ("urls", "http://localhost:5080"));

        Assert.Equal("https://directiveflow.hanoi.gov.vn", PublicAddress.Resolve(settings));
        Assert.Equal("https://directiveflow.hanoi.gov.vn/", PublicAddress.Configured(settings));
    }

    [Fact]
    public void The_older_outbox_setting_is_still_read()
    {
        Assert.Equal("https://x.gov.vn", PublicAddress.Resolve(Settings(("Outbox:BaseUrl", "https://x.gov.vn"))));
    }

    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("http://0.0.0.0:5080;https://0.0.0.0:5443", "http://localhost:5080")]
    [InlineData("http://*:8080", "http://localhost:8080")]
    [InlineData("http://+:80", "http://localhost")]
    [InlineData("https://[::]:5443", "https://localhost:5443")]
    [InlineData("", PublicAddress.KestrelDefault)]
    public void Without_one_links_follow_the_listening_address(string urls, string expected)
    {
        var settings = Settings(("urls", urls));

        Assert.Null(PublicAddress.Configured(settings));
        Assert.Equal(expected, PublicAddress.Resolve(settings));
    }

    [Fact]
    public void An_address_that_is_not_http_is_not_a_link()
    {
        Assert.Null(PublicAddress.FromListening(["unix:/tmp/kestrel.sock", "  "]));
        Assert.Equal("http://127.0.0.1:41234", PublicAddress.FromListening(["unix:/tmp/kestrel.sock", "http://127.0.0.1:41234"]));
    }
}
