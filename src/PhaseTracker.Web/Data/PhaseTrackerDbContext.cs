using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Settings;

namespace PhaseTracker.Web.Data;

/// <summary>
/// The tracking data and, beside it in the same database and migrations, the accounts (ASP.NET Core
/// Identity), their API tokens and the Data Protection keys that sign their cookies. This type is the
/// SQLite model and owns the SQLite migrations (<c>Data/Migrations</c>); <see cref="PostgresPhaseTrackerDbContext"/>
/// is the same model on PostgreSQL with its own migration set. The app resolves this type on either.
/// </summary>
public class PhaseTrackerDbContext : IdentityDbContext<UserAccount, IdentityRole, string>, IDataProtectionKeyContext
{
    public PhaseTrackerDbContext(DbContextOptions<PhaseTrackerDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, whose migrations are its own.</summary>
    protected PhaseTrackerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<DeferredItem> DeferredItems => Set<DeferredItem>();
    public DbSet<MatrixRow> MatrixRows => Set<MatrixRow>();
    public DbSet<RoadmapWeek> RoadmapWeeks => Set<RoadmapWeek>();
    public DbSet<DecisionRecord> DecisionRecords => Set<DecisionRecord>();
    public DbSet<RelatedDocument> RelatedDocuments => Set<RelatedDocument>();
    public DbSet<DocumentWarning> DocumentWarnings => Set<DocumentWarning>();
    public DbSet<DataStamp> DataStamps => Set<DataStamp>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<HistoryEntry> HistoryEntries => Set<HistoryEntry>();
    public DbSet<WorkspaceSettings> WorkspaceSettings => Set<WorkspaceSettings>();

    /// <summary>Shared by every instance, so that a cookie one instance signed is valid on the others.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
