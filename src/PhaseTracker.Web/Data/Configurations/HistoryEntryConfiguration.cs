using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Web.Features.History;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.Property(h => h.Actor).HasMaxLength(256);
        builder.Property(h => h.Via).HasMaxLength(300);
        builder.Property(h => h.RecordLabel).HasMaxLength(400);
        builder.Property(h => h.RecordType).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Changes).HasJsonConversion();
        builder.HasIndex(h => new { h.RecordType, h.RecordId });
        builder.HasIndex(h => h.AtUtc);
        builder.HasIndex(h => h.Actor);
    }
}
