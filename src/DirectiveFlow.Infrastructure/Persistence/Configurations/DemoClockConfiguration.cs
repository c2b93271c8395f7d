using DirectiveFlow.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveFlow.Infrastructure.Persistence.Configurations;

internal sealed class DemoClockConfiguration : IEntityTypeConfiguration<DemoClockState>
{
    public void Configure(EntityTypeBuilder<DemoClockState> builder)
    {
        builder.ToTable("DemoClock");
        builder.Property(c => c.Id).ValueGeneratedNever();
        // The row exists from the start, so moving the clock is one UPDATE that two nodes cannot both lose.
        builder.HasData(new DemoClockState { Id = DemoClockState.SingletonId, OffsetTicks = 0 });
    }
}
