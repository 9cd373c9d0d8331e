using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> builder)
    {
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasIndex(p => p.MadeCurrentAtUtc);
        builder.Property(p => p.Layout).HasJsonConversion();
        builder.Property(p => p.RowVersion).IsConcurrencyToken();

        builder.HasMany(p => p.Items).WithOne(i => i.Phase).HasForeignKey(i => i.PhaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.MatrixRows).WithOne().HasForeignKey(r => r.PhaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.RoadmapWeeks).WithOne().HasForeignKey(w => w.PhaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.RelatedDocuments).WithOne().HasForeignKey(d => d.PhaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Warnings).WithOne().HasForeignKey(w => w.PhaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
