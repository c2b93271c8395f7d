using DirectiveFlow.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveFlow.Infrastructure.Persistence.Configurations;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.DedupeKey).HasMaxLength(200);
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.ToMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.IcsFileName).HasMaxLength(260);
        builder.Property(m => m.Template).HasMaxLength(64);
        // Exactly-once for every scheduled effect: a second insert of the same key fails and is treated as "already done".
        // An email about a task is unique by task and key (the key need not repeat the task's id, so rows and index
        // stay small, and the same index lists a task's emails for its history); any other email by its key alone.
        builder.HasIndex(m => new { m.TaskId, m.DedupeKey }).IsUnique().HasFilter("\"TaskId\" IS NOT NULL");
        builder.HasIndex(m => m.DedupeKey).IsUnique().HasFilter("\"TaskId\" IS NULL");
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

internal sealed class OutboxModelConfiguration : IEntityTypeConfiguration<OutboxModel>
{
    public void Configure(EntityTypeBuilder<OutboxModel> builder)
    {
        builder.ToTable("OutboxModels");
        builder.Property(m => m.RecipientRole).HasMaxLength(64);
        builder.Property(m => m.NoticeTemplate).HasMaxLength(64);
        // The dispatcher looks for models with notices still to expand: a short list, found by this index (filtered
        // where the database can, so the models of the sweep, which never carry notices, stay out of it).
        builder.HasIndex(m => m.Id).HasDatabaseName("IX_OutboxModels_NoticesPending").HasFilter("\"NoticeCount\" > 0");
    }
}
