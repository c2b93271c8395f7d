using DirectiveFlow.Core.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveFlow.Infrastructure.Persistence.Configurations;

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.Property(d => d.DefinitionId).HasMaxLength(100);
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.ChangeNote).HasMaxLength(1000);
        builder.Property(d => d.PublishedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.HasIndex(i => i.DirectiveId);
        builder.HasIndex(i => i.Status);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class ActivityExecutionConfiguration : IEntityTypeConfiguration<ActivityExecution>
{
    public void Configure(EntityTypeBuilder<ActivityExecution> builder)
    {
        builder.ToTable("ActivityExecutions");
        builder.Property(e => e.ActivityId).HasMaxLength(100);
        builder.Property(e => e.ActivityType).HasMaxLength(32);
        builder.Property(e => e.Outcome).HasMaxLength(64);
        builder.HasIndex(e => new { e.InstanceId, e.ActivityId });
        builder.HasIndex(e => e.ParentExecutionId);
        builder.HasIndex(e => new { e.Status, e.ResumeAt });
        builder.Property(e => e.LeaseOwner).HasMaxLength(100);
        // Only cascades still being written hold a lease: every node's periodic look for expired ones reads a tiny index.
        builder.HasIndex(e => e.LeaseUntil).HasFilter("\"LeaseUntil\" IS NOT NULL");
        builder.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
    }
}
