using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class MatrixRowConfiguration : IEntityTypeConfiguration<MatrixRow>
{
    public void Configure(EntityTypeBuilder<MatrixRow> builder)
    {
        builder.HasIndex(r => new { r.PhaseId, r.Ordinal }).IsUnique();

        // The matrix page and the export look a row up by the item it names ("which items have no row
        // yet?"); without this index that question scans every row once per item.
        builder.HasIndex(r => new { r.PhaseId, r.ItemNumber });
        builder.Property(r => r.Cells).HasJsonConversion();
    }
}
