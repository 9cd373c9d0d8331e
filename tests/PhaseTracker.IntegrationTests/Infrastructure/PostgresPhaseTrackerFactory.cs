using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

using Npgsql;

using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Infrastructure;

/// <summary>
/// The web app on PostgreSQL: <see cref="PhaseTrackerFactory"/>'s PostgreSQL twin. As a class fixture it
/// gets a fresh database of its own on the run's cluster (created on first use, so a skipped class needs
/// no cluster); <see cref="OnSameDatabase"/> gives a second host on the same database, as a second
/// instance behind a load balancer would be.
/// </summary>
public sealed class PostgresPhaseTrackerFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<string> _connectionString;

    private readonly IReadOnlyDictionary<string, string> _settings;

    public PostgresPhaseTrackerFactory(PostgresCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _connectionString = new Lazy<string>(cluster.CreateDatabase);
        _settings = new Dictionary<string, string>();
    }

    private PostgresPhaseTrackerFactory(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        _connectionString = new Lazy<string>(connectionString);
        _settings = settings;
    }

    public string ConnectionString => _connectionString.Value;

    /// <summary>Another host (another instance of the app) on this factory's database.</summary>
    public PostgresPhaseTrackerFactory OnSameDatabase() => new(ConnectionString, _settings);

    /// <summary>A host on the given database, with more settings (<c>Database:MigrateOnStart</c> ...).</summary>
    public static PostgresPhaseTrackerFactory OnDatabase(string connectionString, IReadOnlyDictionary<string, string> settings) =>
        new(connectionString, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(DatabaseSettings.ProviderKey, "Postgres");
        builder.UseSetting(DatabaseSettings.ConnectionStringKey, ConnectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // As in PhaseTrackerFactory: tests that sign in often must not meet the sign-in rate limit.
        builder.UseSetting("Auth:SignInPermitLimit", "10000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _connectionString.IsValueCreated)
        {
            using var connection = new NpgsqlConnection(_connectionString.Value);
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
