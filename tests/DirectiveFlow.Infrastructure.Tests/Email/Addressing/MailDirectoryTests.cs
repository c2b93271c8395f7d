using DirectiveFlow.Infrastructure.Email.Addressing;

namespace DirectiveFlow.Infrastructure.Tests.Email.Addressing;

/// <summary>The recipient directory, role by role: which addresses, which fallbacks, which greeting in which language.</summary>
public sealed class MailDirectoryTests
{
    private static readonly Guid CityId = Guid.NewGuid();
    private static readonly Guid CommitteeId = Guid.NewGuid();
    private static readonly Guid WardId = Guid.NewGuid();
    private static readonly Guid NamelessWardId = Guid.NewGuid();
    private static readonly Guid PartnerId = Guid.NewGuid();
    private static readonly Guid DirectiveId = Guid.NewGuid();

    private static readonly MailUnit City = new(CityId, "01-PARTY", "Thành ủy Hà Nội", "Trần Thị B", "b@thanhuy.vn", "vanphong@thanhuy.vn", null);

    private static readonly MailUnit Committee = new(CommitteeId, "01-COMMITTEE", "UBND Thành phố Hà Nội", null, "head@ubnd.vn", null, null);

    private static readonly MailUnit Ward = new(
        WardId, "W1", "Đảng ủy phường Hoàn Kiếm", "Nguyễn Văn A", "a@hoankiem.vn", " vanphong@hoankiem.vn ; A@HOANKIEM.VN;", CityId,
        ["canbo@hoankiem.vn", "VANPHONG@hoankiem.vn"]);

    private static readonly MailUnit NamelessWard = new(NamelessWardId, "W2", "UBND phường Ba Đình", null, null, "vanphong@badinh.vn", null, ["canbo@badinh.vn"]);

    private static readonly MailUnit Partner = new(PartnerId, "W3", "MTTQ phường Hoàn Kiếm", null, "head@mttq.vn", "vp@mttq.vn", CityId);

    private static readonly MailDirectory Directory = new(
        new[] { City, Committee, Ward, NamelessWard, Partner }.ToDictionary(u => u.Id),
        new Dictionary<Guid, MailDirective> { [DirectiveId] = new(DirectiveId, "15-KL/TU", "Kết luận", CityId) });

    private static MailDirectoryTask WardTask => new(WardId, CityId, DirectiveId);

    [Fact]
    public void The_units_head_is_its_head_address_greeted_by_name_in_either_language()
    {
        var head = Directory.Recipients(RecipientRoles.UnitHead, WardTask);

        Assert.Equal(["a@hoankiem.vn"], head.To);
        Assert.Equal("Nguyễn Văn A (Đảng ủy phường Hoàn Kiếm)", head.Greeting.Text("vi"));
        Assert.Equal("Nguyễn Văn A (Đảng ủy phường Hoàn Kiếm)", head.Greeting.Text("en"));
    }

    [Fact]
    public void A_head_without_an_address_is_reached_through_the_units_officers_and_an_unnamed_head_is_greeted_in_the_emails_language()
    {
        var head = Directory.Recipients(RecipientRoles.UnitHead, new MailDirectoryTask(NamelessWardId, CityId, DirectiveId));

        Assert.Equal(["vanphong@badinh.vn", "canbo@badinh.vn"], head.To);
        Assert.Equal("Lãnh đạo UBND phường Ba Đình", head.Greeting.Text("vi"));
        Assert.Equal("Leadership of UBND phường Ba Đình", head.Greeting.Text("en"));
    }

    [Fact]
    public void The_unit_as_a_whole_is_its_head_and_officers_each_address_once_greeted_by_the_units_name()
    {
        var unit = Directory.Recipients(RecipientRoles.Unit, WardTask);

        Assert.Equal(["a@hoankiem.vn", "vanphong@hoankiem.vn", "canbo@hoankiem.vn"], unit.To);
        Assert.Equal("Đảng ủy phường Hoàn Kiếm", unit.Greeting.Text("vi"));
        Assert.Equal("Đảng ủy phường Hoàn Kiếm", unit.Greeting.Text("en"));
    }

    [Fact]
    public void The_units_officers_are_its_contacts_and_user_accounts_without_its_head()
    {
        var officers = Directory.Recipients(RecipientRoles.UnitOfficers, WardTask);

        // The head's address also stands among the contacts (in capitals): it is an officer's address there.
        Assert.Equal(["vanphong@hoankiem.vn", "A@HOANKIEM.VN", "canbo@hoankiem.vn"], officers.To);
        Assert.Equal("Đảng ủy phường Hoàn Kiếm", officers.Greeting.Text("vi"));
    }

    [Fact]
    public void The_superior_units_head_is_the_parents_head_else_the_assigners()
    {
        var parent = Directory.Recipients(RecipientRoles.ParentHead, WardTask);
        var orphan = Directory.Recipients(RecipientRoles.ParentHead, new MailDirectoryTask(NamelessWardId, CommitteeId, DirectiveId));

        Assert.Equal(["b@thanhuy.vn"], parent.To);
        Assert.Equal("Trần Thị B (Thành ủy Hà Nội)", parent.Greeting.Text("vi"));
        Assert.Equal(["head@ubnd.vn"], orphan.To);
        Assert.Equal("Leadership of UBND Thành phố Hà Nội", orphan.Greeting.Text("en"));
    }

    [Fact]
    public void The_issuing_leadership_is_the_issuing_units_head_the_same_recipient_as_a_superior_that_issued()
    {
        var issuer = Directory.Recipients(RecipientRoles.IssuerLeadership, WardTask);
        var parent = Directory.Recipients(RecipientRoles.ParentHead, WardTask);

        Assert.Equal(["b@thanhuy.vn"], issuer.To);
        Assert.Equal(parent.To, issuer.To);
        Assert.Equal(parent.Greeting, issuer.Greeting);

        // A directive not found: the unit that assigned the task stands for its issuer.
        var assigner = Directory.Recipients(RecipientRoles.IssuerLeadership, new MailDirectoryTask(WardId, CommitteeId, Guid.NewGuid()));
        Assert.Equal(["head@ubnd.vn"], assigner.To);
    }

    [Fact]
    public void A_supporting_unit_is_the_unit_the_row_names_as_a_whole()
    {
        var supporting = Directory.Recipients(RecipientRoles.SupportingUnit, WardTask with { RecipientUnitId = PartnerId });

        Assert.Equal(["head@mttq.vn", "vp@mttq.vn"], supporting.To);
        Assert.Equal("MTTQ phường Hoàn Kiếm", supporting.Greeting.Text("vi"));
        Assert.Same(MailRecipients.None, Directory.Recipients(RecipientRoles.SupportingUnit, WardTask));
    }

    [Fact]
    public void The_assigned_officer_is_the_units_officers_until_a_task_names_one()
    {
        var unnamed = Directory.Recipients(RecipientRoles.AssignedOfficer, WardTask);
        var named = Directory.Recipients(RecipientRoles.AssignedOfficer, WardTask with { AssignedOfficer = new MailPerson("le.c@hoankiem.vn", "Lê Văn C") });

        var officers = Directory.Recipients(RecipientRoles.UnitOfficers, WardTask);
        Assert.Equal(officers.To, unnamed.To);
        Assert.Equal(officers.Greeting, unnamed.Greeting);
        Assert.Equal(["le.c@hoankiem.vn"], named.To);
        Assert.Equal("Lê Văn C", named.Greeting.Text("en"));
    }

    [Fact]
    public void Once_a_task_is_given_to_an_officer_the_units_emails_reach_that_officer_and_the_head_only()
    {
        var assigned = Directory.Recipients(RecipientRoles.Unit, WardTask with { AssignedOfficer = new MailPerson("le.c@hoankiem.vn", "Lê Văn C") });

        Assert.Equal(["le.c@hoankiem.vn", "a@hoankiem.vn"], assigned.To);
        Assert.Equal("Đảng ủy phường Hoàn Kiếm", assigned.Greeting.Text("vi"));
    }

    [Fact]
    public void A_role_whose_unit_is_unknown_reaches_no_one()
    {
        var nobody = Directory.Recipients(RecipientRoles.UnitHead, new MailDirectoryTask(Guid.NewGuid(), Guid.NewGuid(), DirectiveId));

        Assert.Empty(nobody.To);
        Assert.Null(Directory.Target(RecipientRoles.ParentHead, new MailDirectoryTask(Guid.NewGuid(), Guid.NewGuid(), DirectiveId)));
    }

    [Fact]
    public void Named_addresses_are_cleaned_and_greeted_as_given()
    {
        var named = MailRecipients.Named([" x@hanoi.vn ", null, "", "X@HANOI.VN", "y@hanoi.vn"], "Văn phòng");

        Assert.Equal(["x@hanoi.vn", "y@hanoi.vn"], named.To);
        Assert.Equal("Văn phòng", named.Greeting.Text("vi"));
    }
}
