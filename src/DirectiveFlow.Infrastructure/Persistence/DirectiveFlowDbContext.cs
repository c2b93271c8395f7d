using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Persistence;

/// <summary>The product's one database: organisation, definitions, instances, tasks (and their tallies), journal, outbox, calendar, accounts, data-protection keys, demo clock.</summary>
public sealed class DirectiveFlowDbContext(DbContextOptions<DirectiveFlowDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The ASP.NET Core data-protection key ring, shared by every node (cookies and antiforgery tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Locality> Localities => Set<Locality>();
    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();
    public DbSet<ActivityExecution> ActivityExecutions => Set<ActivityExecution>();
    public DbSet<Directive> Directives => Set<Directive>();
    public DbSet<DirectiveAttachment> DirectiveAttachments => Set<DirectiveAttachment>();
    public DbSet<Core.Directives.Items.DirectiveItem> DirectiveItems => Set<Core.Directives.Items.DirectiveItem>();
    public DbSet<UnitTask> Tasks => Set<UnitTask>();
    public DbSet<Reports.Tallies.TaskTally> TaskTallies => Set<Reports.Tallies.TaskTally>();
    public DbSet<TaskSupportingUnit> TaskSupportingUnits => Set<TaskSupportingUnit>();
    public DbSet<TaskProgressReport> ProgressReports => Set<TaskProgressReport>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<TaskAttachment> Attachments => Set<TaskAttachment>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxModel> OutboxModels => Set<OutboxModel>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<DemoClockState> DemoClock => Set<DemoClockState>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DirectiveFlowDbContext).Assembly);
        TimestampStorage.Apply(builder, Database.ProviderName);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as readable strings so the journal, reports and ad-hoc SQL need no lookup table.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
