using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Directives.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveFlow.Infrastructure.Persistence.Configurations;

internal sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.ToTable("Directives");
        builder.Property(d => d.Number).HasMaxLength(100);
        builder.Property(d => d.Title).HasMaxLength(500);
        builder.Property(d => d.WorkflowDefinitionId).HasMaxLength(100);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.SignerName).HasMaxLength(200);
        builder.Property(d => d.SignerPosition).HasMaxLength(200);
        builder.Property(d => d.Summary).HasMaxLength(1000);
        builder.Property(d => d.WithdrawnBy).HasMaxLength(256);
        builder.Property(d => d.WithdrawalReason).HasMaxLength(InputLimits.NoteLength);
        builder.Property(d => d.SearchKey).HasMaxLength(1700).HasDefaultValue("");
        builder.HasIndex(d => d.IssuedOn);
        builder.HasIndex(d => d.IssuingUnitId);
        builder.HasIndex(d => d.CreatedAt);
        builder.Property(d => d.IssueKey).HasMaxLength(InputLimits.IssueKeyLength);
        builder.HasIndex(d => new { d.CreatedBy, d.IssueKey }).IsUnique();
    }
}

internal sealed class DirectiveAttachmentConfiguration : IEntityTypeConfiguration<DirectiveAttachment>
{
    public void Configure(EntityTypeBuilder<DirectiveAttachment> builder)
    {
        builder.ToTable("DirectiveAttachments");
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StorageKey).HasMaxLength(300);
        builder.Property(a => a.UploadedBy).HasMaxLength(256);
        builder.HasIndex(a => a.DirectiveId);
    }
}

internal sealed class DirectiveItemConfiguration : IEntityTypeConfiguration<DirectiveItem>
{
    public void Configure(EntityTypeBuilder<DirectiveItem> builder)
    {
        builder.ToTable("DirectiveItems");
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.HasIndex(i => new { i.DirectiveId, i.Ordinal }).IsUnique();
        builder.HasIndex(i => i.LeadUnitId);
    }
}
