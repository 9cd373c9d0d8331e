using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhaseTracker.Web.Data;

/// <summary>A setting that keeps the app from reaching its database, told in one sentence.</summary>
public sealed class DatabaseConfigurationException(string message) : Exception(message);

/// <summary>Where the database is: <c>ConnectionStrings:PhaseTracker</c> and <c>Database:Provider</c>.</summary>
public sealed record DatabaseSettings(string ConnectionString)
{
    public const string ConnectionStringKey = "ConnectionStrings:PhaseTracker";
    public const string ProviderKey = "Database:Provider";
    public const string DefaultConnectionString = "Data Source=data/phasetracker.db";

    /// <summary>
    /// Reads the settings; a relative SQLite file is taken from <paramref name="contentRoot"/> (the
    /// app's folder) and its folder is created when missing.
    /// </summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        ValidateProvider(configuration);
        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = DefaultConnectionString;
        }

        return new DatabaseSettings(ResolveSqliteFile(connectionString, contentRoot));
    }

    public static void ValidateProvider(IConfiguration configuration)
    {
        var provider = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        throw new DatabaseConfigurationException(provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            ? $"{ProviderKey} is 'Postgres', which this version does not support yet: set it to 'Sqlite'."
            : $"{ProviderKey} is '{provider}', which is not a known database provider: set it to 'Sqlite'.");
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
    public static IServiceCollection AddPhaseTrackerDatabase(this IServiceCollection services)
    {
        // Read when first needed, not while registering: test hosts and the command line set the
        // connection string after Program has registered its services.
        services.AddSingleton(provider => DatabaseSettings.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddDbContext<PhaseTrackerDbContext>((provider, options) =>
            options.UsePhaseTrackerSqlite(provider.GetRequiredService<DatabaseSettings>().ConnectionString));
        return services;
    }

    public static DbContextOptionsBuilder UsePhaseTrackerSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqlitePragmaInterceptor.Instance);

    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PhaseTrackerDbContext>().Database.MigrateAsync(cancellationToken);
}

/// <summary>
/// Sets up every SQLite connection as it opens: write-ahead logging so readers never wait for the
/// writer, foreign keys for the cascades, and a busy timeout instead of an immediate "database is locked".
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
