using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class RoadmapWeekConfiguration : IEntityTypeConfiguration<RoadmapWeek>
{
    public void Configure(EntityTypeBuilder<RoadmapWeek> builder)
    {
        // Not unique: a document may number two weeks alike, and the importer keeps what it reads.
        builder.HasIndex(w => new { w.PhaseId, w.Number });
        builder.Property(w => w.Blocks).HasJsonConversion();
        builder.Property(w => w.RowVersion).IsConcurrencyToken();

        // As with items and ADRs: a deleted week stays so the history can restore it; pages and exports do not see it.
        builder.HasQueryFilter(w => w.DeletedAtUtc == null);
    }
}
