using DirectiveFlow.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveFlow.Infrastructure.Persistence.Configurations;

internal sealed class LocalityConfiguration : IEntityTypeConfiguration<Locality>
{
    public void Configure(EntityTypeBuilder<Locality> builder)
    {
        builder.ToTable("Localities");
        builder.Property(l => l.Code).HasMaxLength(16);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.HasIndex(l => l.Code).IsUnique();
        builder.HasIndex(l => l.ParentId);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.ToTable("Units");
        builder.Property(u => u.Code).HasMaxLength(64);
        builder.Property(u => u.Name).HasMaxLength(300);
        builder.Property(u => u.LocalityCode).HasMaxLength(16);
        builder.Property(u => u.HeadName).HasMaxLength(200);
        builder.Property(u => u.HeadEmail).HasMaxLength(256);
        builder.Property(u => u.ContactEmails).HasMaxLength(1000);
        builder.Property(u => u.SearchKey).HasMaxLength(400).HasDefaultValue("");
        builder.HasIndex(u => u.Code).IsUnique();
        builder.HasIndex(u => new { u.Pillar, u.Level });
        builder.HasIndex(u => u.ParentId);
        // By locality, then pillar and level: a province's units (its localities' ids) and a province unit's counterparts
        // (those of one pillar and level on them, ProviderSql.UnitsInProvince) are each one range per locality. With the
        // locality alone, PostgreSQL's generic plan for the counterparts went by (pillar, level) through the whole country.
        builder.HasIndex(u => new { u.LocalityId, u.Pillar, u.Level });
    }
}
