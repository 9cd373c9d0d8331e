using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class MatrixRowConfiguration : IEntityTypeConfiguration<MatrixRow>
{
    public void Configure(EntityTypeBuilder<MatrixRow> builder)
    {
        builder.HasIndex(r => new { r.PhaseId, r.Ordinal }).IsUnique();
        builder.Property(r => r.Cells).HasJsonConversion();
    }
}
