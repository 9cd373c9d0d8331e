using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Web.Features.Settings;

namespace PhaseTracker.Web.Data.Configurations;

public sealed class WorkspaceSettingsConfiguration : IEntityTypeConfiguration<WorkspaceSettings>
{
    public void Configure(EntityTypeBuilder<WorkspaceSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.RowVersion).IsConcurrencyToken();
    }
}
