using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class DeferredItemConfiguration : IEntityTypeConfiguration<DeferredItem>
{
    public void Configure(EntityTypeBuilder<DeferredItem> builder)
    {
        builder.HasIndex(i => new { i.PhaseId, i.Number }).IsUnique();
        builder.Property(i => i.WhyDeferred).HasJsonConversion();
        builder.Property(i => i.Done).HasJsonConversion();
        builder.Property(i => i.Missing).HasJsonConversion();
        builder.Property(i => i.Plan).HasJsonConversion();
    }
}
