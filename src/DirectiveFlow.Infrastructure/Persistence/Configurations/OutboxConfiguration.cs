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
        builder.Property(m => m.To).HasMaxLength(2000);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.IcsFileName).HasMaxLength(260);
        builder.Property(m => m.Template).HasMaxLength(64);
        // Exactly-once for every scheduled effect: a second insert of the same key fails and is treated as "already done".
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // A task's history lists the emails sent about it (every reminder and escalation step is one of them).
        builder.HasIndex(m => m.TaskId);
    }
}

internal sealed class OutboxModelConfiguration : IEntityTypeConfiguration<OutboxModel>
{
    public void Configure(EntityTypeBuilder<OutboxModel> builder)
    {
        builder.ToTable("OutboxModels");
    }
}
