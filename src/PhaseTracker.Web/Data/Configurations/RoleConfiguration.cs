using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Data.Configurations;

/// <summary>The three roles exist in every database, from the migration on: nothing has to create them at run time.</summary>
public sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) => builder.HasData(
        Role(Roles.Viewer, "0b6f7a52-4f0c-4a36-9f76-6f1de3a1a001"),
        Role(Roles.Lead, "0b6f7a52-4f0c-4a36-9f76-6f1de3a1a002"),
        Role(Roles.Admin, "0b6f7a52-4f0c-4a36-9f76-6f1de3a1a003"));

    // Fixed ids and stamps: seeded data must be the same in every model the migrations compare.
    private static IdentityRole Role(string name, string id) => new(name)
    {
        Id = id,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
