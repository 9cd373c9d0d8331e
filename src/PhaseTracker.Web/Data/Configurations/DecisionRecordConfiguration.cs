using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class DecisionRecordConfiguration : IEntityTypeConfiguration<DecisionRecord>
{
    public void Configure(EntityTypeBuilder<DecisionRecord> builder)
    {
        // ADR numbers are global: ADR-004 is the same record whichever phase's document carries it.
        builder.HasIndex(d => d.Number).IsUnique();
        builder.HasIndex(d => d.PhaseId);
        builder.HasOne<Phase>().WithMany().HasForeignKey(d => d.PhaseId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(d => d.Context).HasJsonConversion();
        builder.Property(d => d.Decision).HasJsonConversion();
        builder.Property(d => d.Consequences).HasJsonConversion();
        builder.Property(d => d.Alternatives).HasJsonConversion();
        builder.Property(d => d.RowVersion).IsConcurrencyToken();

        // As with items: a deleted record stays, with its number, so the history can restore it; no
        // page, count or export sees it, and the import and the history look past the filter.
        builder.HasQueryFilter(d => d.DeletedAtUtc == null);
    }
}
