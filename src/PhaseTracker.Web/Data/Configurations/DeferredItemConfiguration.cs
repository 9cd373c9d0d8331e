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
        builder.Property(i => i.ChangesToPlan).HasJsonConversion();
        builder.Property(i => i.Deferrals).HasJsonConversion();
        builder.Property(i => i.RowVersion).IsConcurrencyToken();

        // A removed item stays (the history can undo the removal) but no page, count or export sees it;
        // the import and the history look past the filter with IgnoreQueryFilters.
        builder.HasQueryFilter(i => i.DeletedAtUtc == null);
    }
}
