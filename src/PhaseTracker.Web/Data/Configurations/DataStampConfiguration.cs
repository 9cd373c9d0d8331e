using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class DataStampConfiguration : IEntityTypeConfiguration<DataStamp>
{
    public void Configure(EntityTypeBuilder<DataStamp> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new DataStamp { Id = DataStamp.SingletonId, Version = 1 });
    }
}
