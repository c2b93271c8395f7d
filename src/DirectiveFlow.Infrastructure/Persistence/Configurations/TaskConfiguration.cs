using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Reports.Tallies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveFlow.Infrastructure.Persistence.Configurations;

internal sealed class UnitTaskConfiguration : IEntityTypeConfiguration<UnitTask>
{
    public void Configure(EntityTypeBuilder<UnitTask> builder)
    {
        // The tallies of the leadership views are kept by triggers on this table (Reports/Tallies/TaskTallySql): EF
        // must not read back through RETURNING/OUTPUT here.
        builder.ToTable("Tasks", tb => tb.HasTrigger(TaskTallySql.TriggerName));
        builder.Property(t => t.ActivityId).HasMaxLength(100);
        builder.Property(t => t.Title).HasMaxLength(500);
        // One unit, one task per activity (and item) of an instance: a re-run cascade batch can never write a second one.
        builder.HasIndex(t => new { t.InstanceId, t.ActivityId, t.UnitId, t.ItemNo }).IsUnique();
        builder.HasIndex(t => new { t.UnitId, t.Status, t.DueAt });
        builder.HasIndex(t => new { t.DirectiveId, t.Status });
        builder.HasIndex(t => t.AssignerUnitId);
        builder.HasIndex(t => t.CascadeExecutionId);
        // Everything the reports read from a task, led by ParentTaskId (the counted tasks): the unit ranking reads this
        // narrow index instead of the wide rows (SQLite).
        builder.HasIndex(t => new { t.ParentTaskId, t.UnitId, t.Status, t.DueAt, t.CompletedAt, t.CreatedAt, t.DirectiveId })
            .HasDatabaseName("IX_Tasks_Report");
        // The trend's current week: the few tasks completed since its Monday (Reports/Tallies/TallyTrend).
        builder.HasIndex(t => t.CompletedAt);
        builder.HasIndex(t => t.NextActionAt);
        // "Assigned to me": an officer's own tasks.
        builder.HasIndex(t => t.AssignedUserId);
        builder.Property(t => t.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class TaskSupportingUnitConfiguration : IEntityTypeConfiguration<TaskSupportingUnit>
{
    public void Configure(EntityTypeBuilder<TaskSupportingUnit> builder)
    {
        builder.ToTable("TaskSupportingUnits");
        builder.HasKey(s => new { s.TaskId, s.UnitId });
        builder.HasIndex(s => s.UnitId);
    }
}

internal sealed class TaskProgressReportConfiguration : IEntityTypeConfiguration<TaskProgressReport>
{
    public void Configure(EntityTypeBuilder<TaskProgressReport> builder)
    {
        builder.ToTable("TaskProgressReports");
        builder.Property(r => r.Note).HasMaxLength(4000);
        builder.HasIndex(r => new { r.TaskId, r.ReportedAt });
    }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> builder)
    {
        builder.ToTable("ExtensionRequests");
        builder.Property(r => r.Reason).HasMaxLength(4000);
        builder.HasIndex(r => new { r.TaskId, r.Status });
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class TaskAttachmentConfiguration : IEntityTypeConfiguration<TaskAttachment>
{
    public void Configure(EntityTypeBuilder<TaskAttachment> builder)
    {
        builder.ToTable("TaskAttachments");
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StorageKey).HasMaxLength(300);
        builder.HasIndex(a => a.TaskId);
    }
}

internal sealed class TaskTallyConfiguration : IEntityTypeConfiguration<TaskTally>
{
    public void Configure(EntityTypeBuilder<TaskTally> builder)
    {
        builder.ToTable("TaskTallies");
        builder.HasKey(t => new { t.DirectiveId, t.Pillar, t.Level, t.ProvinceCode, t.Bucket, t.DueAt, t.CreatedAt, t.CompletedWeek, t.CompletedAtWeekStart });
        builder.Property(t => t.ProvinceCode).HasMaxLength(32);
    }
}
