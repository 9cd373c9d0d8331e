using System.Collections.Concurrent;
using System.Data.Common;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Npgsql;

namespace PhaseTracker.Web.Data;

/// <summary>A setting that keeps the app from reaching its database, told in one sentence.</summary>
public sealed class DatabaseConfigurationException(string message) : Exception(message);

/// <summary>The database servers the app runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file under <c>data/</c>: the default, for one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, which several instances behind a load balancer can share.</summary>
    Postgres,
}

/// <summary>
/// Where the database is: <c>ConnectionStrings:PhaseTracker</c> and <c>Database:Provider</c>, and
/// whether the web app migrates it when it starts (<c>Database:MigrateOnStart</c>, default true).
/// </summary>
public sealed record DatabaseSettings(string ConnectionString, DatabaseProvider Provider = DatabaseProvider.Sqlite, bool MigrateOnStart = true)
{
    public const string ConnectionStringKey = "ConnectionStrings:PhaseTracker";
    public const string ProviderKey = "Database:Provider";
    public const string MigrateOnStartKey = "Database:MigrateOnStart";
    public const string DefaultConnectionString = "Data Source=data/phasetracker.db";

    /// <summary>
    /// Reads the settings; a relative SQLite file is taken from <paramref name="contentRoot"/> (the
    /// app's folder) and its folder is created when missing.
    /// </summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = ReadProvider(configuration);
        var migrateOnStart = ReadMigrateOnStart(configuration);
        var connectionString = configuration[ConnectionStringKey];
        if (provider == DatabaseProvider.Postgres)
        {
            return new DatabaseSettings(ValidatePostgres(connectionString), provider, migrateOnStart);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = DefaultConnectionString;
        }

        return new DatabaseSettings(ResolveSqliteFile(connectionString, contentRoot), provider, migrateOnStart);
    }

    /// <summary>Throws <see cref="DatabaseConfigurationException"/> when <c>Database:Provider</c> names no known provider.</summary>
    public static void ValidateProvider(IConfiguration configuration) => ReadProvider(configuration);

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        throw new DatabaseConfigurationException(
            $"{ProviderKey} is '{provider}', which is not a known database provider: set it to 'Sqlite' or 'Postgres'.");
    }

    private static bool ReadMigrateOnStart(IConfiguration configuration)
    {
        var value = configuration[MigrateOnStartKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        return bool.TryParse(value, out var migrate)
            ? migrate
            : throw new DatabaseConfigurationException($"{MigrateOnStartKey} is '{value}': set it to true or false.");
    }

    private static string ValidatePostgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new DatabaseConfigurationException(
                $"{ProviderKey} is 'Postgres' but {ConnectionStringKey} is empty: set it to a PostgreSQL connection string such as 'Host=db;Database=phasetracker;Username=phasetracker;Password=...'.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new DatabaseConfigurationException($"{ConnectionStringKey} names no Host: a PostgreSQL connection string needs one.");
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new DatabaseConfigurationException($"{ConnectionStringKey} is not a valid PostgreSQL connection string: {ex.Message}");
        }
    }

    /// <summary>The connection string of an SQLite file given by path, as <c>--db PATH</c> gives it.</summary>
    public static string ForSqliteFile(string path, bool pooling = true) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = pooling }.ToString();

    private static string ResolveSqliteFile(string connectionString, string contentRoot)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new DatabaseConfigurationException($"{ConnectionStringKey} is not a valid SQLite connection string: {ex.Message}");
        }

        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || dataSource.Length == 0 || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return builder.ToString();
        }

        var path = Path.GetFullPath(dataSource, contentRoot);
        var folder = Path.GetDirectoryName(path);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        builder.DataSource = path;
        return builder.ToString();
    }
}

public static class PhaseTrackerDatabase
{
    /// <summary>
    /// Keys that sign cookies and antiforgery tokens are kept under this name in the database: every
    /// instance (and every version) of the app reads the same key ring.
    /// </summary>
    public const string ApplicationName = "PhaseTracker";

    public static IServiceCollection AddPhaseTrackerDatabase(this IServiceCollection services)
    {
        // Read when first needed, not while registering: test hosts and the command line set the
        // connection string after Program has registered its services.
        services.AddSingleton(provider => DatabaseSettings.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));

        // Each provider's context carries its own migrations; the app asks for PhaseTrackerDbContext
        // and gets the one that the settings name.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DataVersionMonitor>();
        services.AddSingleton<DataChangeInterceptor>();
        services.AddDbContext<PhaseTrackerDbContext>((provider, options) =>
            options.UsePhaseTrackerSqlite(provider.GetRequiredService<DatabaseSettings>().ConnectionString)
                .AddInterceptors(provider.GetRequiredService<DataChangeInterceptor>()));
        services.AddDbContext<PostgresPhaseTrackerDbContext>((provider, options) =>
            options.UsePhaseTrackerPostgres(provider.GetRequiredService<DatabaseSettings>().ConnectionString)
                .AddInterceptors(provider.GetRequiredService<DataChangeInterceptor>()));
        services.Replace(ServiceDescriptor.Scoped<PhaseTrackerDbContext>(provider =>
            provider.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Postgres
                ? provider.GetRequiredService<PostgresPhaseTrackerDbContext>()
                : new PhaseTrackerDbContext(provider.GetRequiredService<DbContextOptions<PhaseTrackerDbContext>>())));

        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PhaseTrackerDbContext>();
        return services;
    }

    public static DbContextOptionsBuilder UsePhaseTrackerSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqlitePragmaInterceptor.Instance);

    public static DbContextOptionsBuilder UsePhaseTrackerPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PhaseTrackerDbContext>().Database.MigrateAsync(cancellationToken);

    /// <summary>The migrations this app has that the database has not applied yet.</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        [.. await services.GetRequiredService<PhaseTrackerDbContext>().Database.GetPendingMigrationsAsync(cancellationToken)];
}

/// <summary>
/// Sets up every SQLite connection as it opens: write-ahead logging so readers never wait for the
/// writer, foreign keys for the cascades, and a busy timeout instead of an immediate "database is locked".
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL;";

    // A read-only connection cannot switch a database to WAL (EF Core opens one to see whether the
    // database exists, before migrating): a restored backup, which VACUUM INTO wrote with a rollback
    // journal, would fail to open. The next read-write connection switches it.
    private const string ReadOnlyPragmas = "PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = PragmasFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private const string ConnectionPragmas = "PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    // Every page opens a pooled connection at least once (the data-version check), so the work done on
    // each open is kept small: the connection string is parsed once, and WAL, which the database file
    // keeps, is switched on by the first read-write connection to each file only.
    private static readonly ConcurrentDictionary<string, bool> ReadOnlyByConnectionString = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> InWalMode = new(StringComparer.Ordinal);

    private static string PragmasFor(DbConnection connection)
    {
        var connectionString = connection.ConnectionString;
        var readOnly = ReadOnlyByConnectionString.GetOrAdd(connectionString,
            static c => new SqliteConnectionStringBuilder(c).Mode == SqliteOpenMode.ReadOnly);
        if (readOnly)
        {
            return ReadOnlyPragmas;
        }

        // A file replaced under the same name (a restore) is switched again by the next process.
        return InWalMode.TryAdd(connectionString, true) ? Pragmas : ConnectionPragmas;
    }
}
