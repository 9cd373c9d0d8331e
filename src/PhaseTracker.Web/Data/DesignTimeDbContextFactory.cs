using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PhaseTracker.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without running Program.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PhaseTrackerDbContext>
{
    public PhaseTrackerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PhaseTrackerDbContext>();
        options.UsePhaseTrackerSqlite(DatabaseSettings.DefaultConnectionString);
        return new PhaseTrackerDbContext(options.Options);
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context PostgresPhaseTrackerDbContext</c> build the PostgreSQL
/// model. Adding a migration needs no server; <c>dotnet ef database update</c> uses the connection
/// string in the environment variable <c>ConnectionStrings__PhaseTracker</c> when it is set.
/// </summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresPhaseTrackerDbContext>
{
    private const string Placeholder = "Host=localhost;Database=phasetracker;Username=phasetracker";

    public PostgresPhaseTrackerDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__PhaseTracker");
        var options = new DbContextOptionsBuilder<PostgresPhaseTrackerDbContext>();
        options.UsePhaseTrackerPostgres(string.IsNullOrWhiteSpace(connectionString) || !connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? Placeholder
            : connectionString);
        return new PostgresPhaseTrackerDbContext(options.Options);
    }
}
