using DirectiveFlow.Infrastructure.Email.Addressing;

namespace DirectiveFlow.Infrastructure.Tests.Email.Addressing;

public sealed class RecipientRolesTests
{
    [Fact]
    public void An_immediate_role_reads_back_as_its_role_marked_immediate()
    {
        var marked = RecipientRoles.Immediate(RecipientRoles.ParentHead);

        Assert.Equal("parentHead:immediate", marked);
        Assert.Equal(marked, RecipientRoles.Immediate(marked));
        Assert.Equal((RecipientRoles.ParentHead, true), RecipientRoles.Parse(marked));
        Assert.Equal((RecipientRoles.UnitHead, false), RecipientRoles.Parse(RecipientRoles.UnitHead));
    }

    [Fact]
    public void An_immediate_role_is_addressed_as_the_plain_role()
    {
        var unitId = Guid.NewGuid();
        var parentId = Guid.NewGuid();
        var directiveId = Guid.NewGuid();
        var directory = new MailDirectory(
            new Dictionary<Guid, MailUnit>
            {
                [unitId] = new(unitId, "W1", "Phường Một", "Nguyễn Văn A", "a@phuong.vn", null, parentId),
                [parentId] = new(parentId, "C1", "Thành ủy", "Trần Thị B", "b@thanhuy.vn", null, null),
            },
            new Dictionary<Guid, MailDirective> { [directiveId] = new(directiveId, "01-KL", "Kết luận", parentId) });
        var task = new MailDirectoryTask(unitId, parentId, directiveId);

        var recipients = directory.Recipients(RecipientRoles.Immediate(RecipientRoles.ParentHead), task);

        Assert.Equal(["b@thanhuy.vn"], recipients.To);
        Assert.Equal("Trần Thị B (Thành ủy)", recipients.Greeting.Text("vi"));
    }
}
