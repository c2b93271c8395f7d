using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Digest;
using DirectiveFlow.Infrastructure.Email.Mailbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Scheduling.Digests;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

/// <summary>
/// A migrated database, a fake clock, the 2026–2027 calendar and a real SMTP server on loopback, with three units:
/// a ward committee (the lead unit), its superior unit and the issuing city committee.
/// </summary>
public sealed class SchedulingHarness : IAsyncDisposable
{
    public const string WardHead = "chutich@hoankiem.hanoi.gov.vn";
    public const string ParentHead = "giamdoc@soxd.hanoi.gov.vn";
    public const string IssuerHead = "chutich@hanoi.gov.vn";

    private ServiceProvider? _services;

    private SchedulingHarness(TestDatabase database, DateTimeOffset start)
    {
        Database = database;
        Clock = new FakeTimeProvider(start);
        Catcher = new EmbeddedSmtpCatcher(new CaughtMailbox(), Clock);
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = Catcher.Port, From = "DirectiveFlow <no-reply@directiveflow.local>" };
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public EmbeddedSmtpCatcher Catcher { get; }

    public SmtpOptions Smtp { get; }

    public CaughtMailbox Mailbox => Catcher.Mailbox;

    public IWorkingDayCalendar Calendar { get; } = new WorkingDayCalendar(VietnamHolidays.For(2026).Concat(VietnamHolidays.For(2027)));

    public OutboxOptions Outbox { get; } = new() { BaseUrl = "https://directiveflow.hanoi.gov.vn", BaseDelay = TimeSpan.FromSeconds(30) };

    public OrgUnit Issuer { get; private set; } = null!;

    public OrgUnit Parent { get; private set; } = null!;

    public OrgUnit Ward { get; private set; } = null!;

    public Directive Directive { get; private set; } = null!;

    /// <summary>Local time in Hà Nội.</summary>
    public static DateTimeOffset Local(int y, int m, int d, int h = 9, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(7));

    public static async Task<SchedulingHarness> CreateAsync(string provider, DateTimeOffset? start = null)
    {
        var harness = new SchedulingHarness(await TestDatabase.CreateAsync(provider), start ?? Local(2026, 3, 2));
        await harness.Catcher.StartAsync(CancellationToken.None);
        await harness.SeedOrganisationAsync();
        return harness;
    }

    public DirectiveFlowDbContext Db() => Database.CreateContext();

    /// <summary>
    /// <see cref="SchedulingOptions.SetBasedClassMinimum"/> for <see cref="SweepAsync"/>: 0 (the default here) sweeps
    /// row by row, 1 sends every due task through the set-based group path it can take.
    /// </summary>
    public int UniformGroupMinimum { get; set; }

    public async Task<SweepResult> SweepAsync(ILogger<DueWorkSweeper>? logger = null)
    {
        await using var db = Db();
        var options = new SchedulingOptions { SweepPageSize = 50, SetBasedClassMinimum = UniformGroupMinimum };
        return await new DueWorkSweeper(db, Calendar, new OutboxWriter(Clock), options, Outbox, logger).SweepAsync(Clock.GetUtcNow());
    }

    /// <summary>The same id for the same name in every harness, so two databases can hold the same rows.</summary>
    public static Guid FixedId(string name) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    /// <summary>
    /// The dispatcher on <paramref name="db"/>, on the harness's clock (leases too), sending to the harness's catcher or
    /// to <paramref name="smtp"/>.
    /// </summary>
    public OutboxDispatcher Dispatcher(DirectiveFlowDbContext db, SmtpOptions? smtp = null) =>
        new(db, new SmtpMailSender(smtp ?? Smtp), new EmailRenderer(new EmailTemplateStore()),
            new EscalationDigestWriter(db, Calendar, EscalationDigest, Outbox, NullLogger<EscalationDigestWriter>.Instance),
            Outbox, Clock, new WallClock(Clock), NullLogger<OutboxDispatcher>.Instance);

    /// <summary>When escalations to superiors go out as digests (the wired dispatcher uses the same object).</summary>
    public EscalationDigestOptions EscalationDigest { get; } = new();

    /// <summary>The product's services on the harness's database, clock, calendar and catcher (what the weekly email needs: reports, attachments).</summary>
    public ServiceProvider Services => _services ??= BuildServices();

    /// <summary>The dispatcher as the product wires it (with the weekly report's attachments), on the harness's catcher.</summary>
    public async Task<DispatchResult> DispatchAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
    }

    /// <summary>Dispatches and fails the test with the outbox's last error when something was not sent.</summary>
    public async Task<DispatchResult> DispatchAllAsync()
    {
        var result = await DispatchAsync();
        await using var db = Db();
        var errors = db.Outbox.Where(m => m.LastError != null).Select(m => m.LastError).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return result;
    }

    public async Task<int> DigestAsync()
    {
        await using var db = Db();
        return await new DailyDigestService(db, Calendar, new OutboxWriter(Clock), Outbox).SendAsync(Clock.GetUtcNow());
    }

    public async Task<int> WeeklyAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklySummaryService>().SendAsync(Clock.GetUtcNow());
    }

    public void MoveTo(DateTimeOffset instant) => Clock.SetUtcNow(instant.ToUniversalTime());

    /// <summary>
    /// A task for the ward, due <paramref name="workingDays"/> working days after now, scheduled from now, and already
    /// acknowledged (a task left Assigned also gets the not-acknowledged reminder and escalation: set its status so).
    /// </summary>
    public async Task<UnitTask> AddTaskAsync(int workingDays = 5, string title = "Lập kế hoạch hành động thực hiện Kết luận", Action<UnitTask>? configure = null)
    {
        var now = Clock.GetUtcNow();
        var due = Calendar.AddWorkingDays(now, workingDays);
        var task = new UnitTask
        {
            Id = Guid.NewGuid(),
            DirectiveId = Directive.Id,
            InstanceId = Directive.InstanceId,
            ActivityId = $"act-{Guid.NewGuid():N}",
            UnitId = Ward.Id,
            AssignerUnitId = Issuer.Id,
            Title = title,
            Status = UnitTaskStatus.Acknowledged,
            AcknowledgedAt = now,
            CreatedAt = now,
            DueAt = due,
            OriginalDueAt = due,
            NextActionAt = now,
        };
        configure?.Invoke(task);
        await using var db = Db();
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Catcher.DisposeAsync();
        await Database.DisposeAsync();
    }

    private ServiceProvider BuildServices()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider.ToString(),
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["Scheduling:Enabled"] = "false",
            ["Smtp:Host"] = Smtp.Host,
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDirectiveFlowInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        services.Replace(ServiceDescriptor.Singleton(new WallClock(Clock)));  // leases on the harness's clock too
        services.Replace(ServiceDescriptor.Singleton(Calendar));
        // The harness's own option objects, so a test changing one (MaxAttempts) changes the wired dispatcher too.
        services.Replace(ServiceDescriptor.Singleton(Outbox));
        services.Replace(ServiceDescriptor.Singleton(Smtp));
        services.Replace(ServiceDescriptor.Singleton(EscalationDigest));
        return services.BuildServiceProvider();
    }

    private async Task SeedOrganisationAsync()
    {
        var locality = FixedId("locality");
        Issuer = Unit("01-COMMITTEE", "UBND Thành phố Hà Nội", "Trần Sỹ Thanh", IssuerHead, null, UnitLevel.Province);
        Parent = Unit("01-SXD", "Sở Xây dựng Hà Nội", "Nguyễn Văn A", ParentHead, Issuer.Id, UnitLevel.Province);
        Ward = Unit("00070-COMMITTEE", "UBND phường Hoàn Kiếm", "Phạm Tuấn Long", WardHead, Parent.Id, UnitLevel.Commune);
        Ward.ContactEmails = "vanphong@hoankiem.hanoi.gov.vn";
        Directive = new Directive
        {
            Id = FixedId("directive"),
            Number = "Kế hoạch số 32/KH-UBND",
            Title = "Giải quyết 5 điểm nghẽn của Thủ đô",
            IssuingUnitId = Issuer.Id,
            WorkflowDefinitionId = "committee-directive",
            WorkflowVersion = 1,
            InstanceId = FixedId("instance"),
            CreatedAt = Clock.GetUtcNow(),
        };
        await using var db = Db();
        db.Units.AddRange(Issuer, Parent, Ward);
        db.Directives.Add(Directive);
        await db.SaveChangesAsync();

        OrgUnit Unit(string code, string name, string head, string email, Guid? parent, UnitLevel level) => new()
        {
            Id = FixedId(code),
            Code = code,
            Name = name,
            HeadName = head,
            HeadEmail = email,
            ParentId = parent,
            Pillar = Pillar.Committee,
            Level = level,
            LocalityId = locality,
            LocalityCode = code[..5],
        };
    }
}
