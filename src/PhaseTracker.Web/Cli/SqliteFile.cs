using System.Globalization;

using Microsoft.Data.Sqlite;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Infrastructure;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// The SQLite file that <c>backup</c> and <c>restore</c> work on, and the checks both make. They work on
/// the file itself, never through <see cref="CommandLine.OpenAsync"/>: that would create and migrate a
/// database that is missing, and a backup of a missing database must say so instead.
/// </summary>
internal static class SqliteFile
{
    public const string MigrationsHistoryTable = "__EFMigrationsHistory";

    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    /// <summary>
    /// The file <c>--db</c> names, or else the configured one. On PostgreSQL there is no file: the
    /// verb refuses with <paramref name="postgresAdvice"/>.
    /// </summary>
    public static string Resolve(VerbArguments args, string postgresAdvice)
    {
        if (args.Value("--db") is { } path)
        {
            return Path.GetFullPath(path);
        }

        // The same configuration the other verbs and the web app read: settings files beside the app,
        // then the environment.
        var configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppFolder.Path,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environments.Production,
        }).Configuration;
        if (DatabaseSettings.ReadProvider(configuration) == DatabaseProvider.Postgres)
        {
            throw new CommandException(postgresAdvice);
        }

        var builder = new SqliteConnectionStringBuilder(DatabaseSettings.FromConfiguration(configuration, AppFolder.Path).ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new CommandException($"{DatabaseSettings.ConnectionStringKey} names no database file: pass one with --db PATH.");
        }

        return builder.DataSource;
    }

    /// <summary>A connection of its own (no pool), so that nothing holds the file once it is closed.</summary>
    public static SqliteConnection Connect(string path, SqliteOpenMode mode) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    /// <summary>
    /// Why <paramref name="path"/> is not a PhaseTracker database (nor an intact one, when
    /// <paramref name="checkIntegrity"/>), in one sentence; null when it is one.
    /// </summary>
    public static async Task<string?> ProblemAsync(string path, bool checkIntegrity, CancellationToken cancellationToken)
    {
        var start = new byte[Header.Length];
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
            if (read < Header.Length || !start.AsSpan().SequenceEqual(Header))
            {
                return $"'{path}' is not an SQLite database.";
            }
        }

        try
        {
            await using var connection = Connect(path, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(cancellationToken);
            var integrity = checkIntegrity ? await IntegrityCheckAsync(connection, cancellationToken) : "ok";
            if (integrity != "ok")
            {
                return $"'{path}' fails its integrity check: {integrity}";
            }

            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            command.Parameters.AddWithValue("$name", MigrationsHistoryTable);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0
                ? $"'{path}' is an SQLite database but not a PhaseTracker one: it has no migrations history."
                : null;
        }
        catch (SqliteException ex)
        {
            return $"'{path}' cannot be read as an SQLite database: {ex.Message.TrimEnd('.')}.";
        }
    }

    /// <summary><c>PRAGMA integrity_check</c>: "ok", or the first problem it found.</summary>
    public static async Task<string> IntegrityCheckAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? "no answer";
    }

    /// <summary>The size of a file in words: "1.4 MB", "212 KB".</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB");
}
