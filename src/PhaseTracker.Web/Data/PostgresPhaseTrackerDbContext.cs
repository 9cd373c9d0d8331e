using Microsoft.EntityFrameworkCore;

namespace PhaseTracker.Web.Data;

/// <summary>
/// The same model on PostgreSQL, a type of its own so that its migrations (<c>Data/Migrations/Postgres</c>)
/// stay apart from SQLite's: EF Core's "migrations with multiple providers" pattern. Add a migration
/// to both sets: <c>dotnet ef migrations add NAME --context PhaseTrackerDbContext --output-dir Data/Migrations</c>
/// and <c>... --context PostgresPhaseTrackerDbContext --output-dir Data/Migrations/Postgres</c>.
/// </summary>
public sealed class PostgresPhaseTrackerDbContext(DbContextOptions<PostgresPhaseTrackerDbContext> options)
    : PhaseTrackerDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // Text compares and sorts by code point, as SQLite's BINARY collation does, and lower() folds
        // ASCII letters only, as SQLite's does: sorting by title or owner gives the same order on both,
        // whatever locale the server was initialised with.
        configurationBuilder.Properties<string>().UseCollation("C");
    }
}
