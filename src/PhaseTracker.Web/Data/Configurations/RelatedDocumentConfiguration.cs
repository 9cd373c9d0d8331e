using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class RelatedDocumentConfiguration : IEntityTypeConfiguration<RelatedDocument>
{
    public void Configure(EntityTypeBuilder<RelatedDocument> builder) =>
        builder.HasIndex(d => new { d.PhaseId, d.Ordinal });
}
