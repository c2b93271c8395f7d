using DirectiveFlow.Core.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveFlow.Infrastructure.Persistence.Configurations;

internal sealed class UnitTaskConfiguration : IEntityTypeConfiguration<UnitTask>
{
    public void Configure(EntityTypeBuilder<UnitTask> builder)
    {
        builder.ToTable("Tasks");
        builder.Property(t => t.ActivityId).HasMaxLength(100);
        builder.Property(t => t.Title).HasMaxLength(500);
        // One unit, one task per activity of an instance: a re-run cascade batch can never write a second one.
        builder.HasIndex(t => new { t.InstanceId, t.ActivityId, t.UnitId }).IsUnique();
        builder.HasIndex(t => new { t.UnitId, t.Status, t.DueAt });
        builder.HasIndex(t => new { t.DirectiveId, t.Status });
        builder.HasIndex(t => t.AssignerUnitId);
        builder.HasIndex(t => t.CascadeExecutionId);
        builder.HasIndex(t => t.ParentTaskId);
        builder.HasIndex(t => t.NextActionAt);
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
