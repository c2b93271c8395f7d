using DirectiveFlow.Core.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveFlow.Infrastructure.Persistence.Configurations;

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("Journal");
        builder.Property(j => j.Actor).HasMaxLength(256);
        builder.Property(j => j.Action).HasMaxLength(64);
        builder.Property(j => j.ActivityId).HasMaxLength(100);
        builder.HasIndex(j => new { j.DirectiveId, j.Id });
        builder.HasIndex(j => new { j.TaskId, j.Id });
        // The administrators' journal search: by person, and by date.
        builder.HasIndex(j => new { j.Actor, j.Id });
        builder.HasIndex(j => j.At);
    }
}
