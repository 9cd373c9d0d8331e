using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class DocumentWarningConfiguration : IEntityTypeConfiguration<DocumentWarning>
{
    public void Configure(EntityTypeBuilder<DocumentWarning> builder)
    {
        builder.HasIndex(w => new { w.PhaseId, w.Line });
        builder.Property(w => w.Kind).HasConversion<string>();
    }
}
