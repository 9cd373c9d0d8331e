using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Data;

public sealed class PhaseTrackerDbContext(DbContextOptions<PhaseTrackerDbContext> options) : DbContext(options)
{
    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<DeferredItem> DeferredItems => Set<DeferredItem>();
    public DbSet<MatrixRow> MatrixRows => Set<MatrixRow>();
    public DbSet<RoadmapWeek> RoadmapWeeks => Set<RoadmapWeek>();
    public DbSet<DecisionRecord> DecisionRecords => Set<DecisionRecord>();
    public DbSet<RelatedDocument> RelatedDocuments => Set<RelatedDocument>();
    public DbSet<DocumentWarning> DocumentWarnings => Set<DocumentWarning>();
    public DbSet<DataStamp> DataStamps => Set<DataStamp>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PhaseTrackerDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite keeps no kind, so reading marks it again.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
