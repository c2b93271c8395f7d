using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;

namespace DirectiveFlow.Infrastructure.Tests.Email;

public sealed class MailMessageFactoryTests
{
    [Fact]
    public void The_message_id_names_the_outbox_row_and_its_creation_so_two_databases_do_not_collide()
    {
        var createdAt = new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);
        var message = new OutboxMessage
        {
            Id = 1_234_567,
            DedupeKey = "escalation:1:202603091000",
            To = "chutich@hoankiem.hanoi.gov.vn",
            Subject = "[Quá hạn] Lập kế hoạch",
            HtmlBody = "<p>Kính gửi</p>",
            TextBody = "Kính gửi",
            CreatedAt = createdAt,
        };

        var mime = MailMessageFactory.Create(message, "directiveflow@hanoi.gov.vn");

        Assert.Equal($"outbox-1234567.{createdAt.ToUnixTimeMilliseconds()}@directiveflow", mime.MessageId);
        Assert.Equal("[Quá hạn] Lập kế hoạch", mime.Subject);
    }
}
