using DirectiveFlow.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveFlow.Infrastructure.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.Position).HasMaxLength(200);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(8);
        // A unit's people: the head's officer list, the assignee picker, the mail directory.
        builder.HasIndex(u => u.UnitId);
    }
}
