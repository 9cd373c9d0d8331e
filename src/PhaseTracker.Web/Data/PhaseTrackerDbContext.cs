using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Features.Account;

namespace PhaseTracker.Web.Data;

/// <summary>The tracking data and, beside it in the same database and migrations, the accounts (ASP.NET Core Identity) and their API tokens.</summary>
public sealed class PhaseTrackerDbContext(DbContextOptions<PhaseTrackerDbContext> options)
    : IdentityDbContext<UserAccount, IdentityRole, string>(options)
{
    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<DeferredItem> DeferredItems => Set<DeferredItem>();
    public DbSet<MatrixRow> MatrixRows => Set<MatrixRow>();
    public DbSet<RoadmapWeek> RoadmapWeeks => Set<RoadmapWeek>();
    public DbSet<DecisionRecord> DecisionRecords => Set<DecisionRecord>();
    public DbSet<RelatedDocument> RelatedDocuments => Set<RelatedDocument>();
    public DbSet<DocumentWarning> DocumentWarnings => Set<DocumentWarning>();
    public DbSet<DataStamp> DataStamps => Set<DataStamp>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's own tables first; the configurations of this assembly then add to them.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PhaseTrackerDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite keeps no kind, so reading marks it again.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
