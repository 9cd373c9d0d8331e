using Microsoft.Data.Sqlite;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// <c>restore --from FILE [--db PATH]</c>, with the app stopped: puts a backup back in place of the
/// SQLite database. The backup is checked first (an SQLite file, integrity check ok, a PhaseTracker
/// migrations history), and the database is touched only once it passes. Stale <c>-wal</c> and
/// <c>-shm</c> files go with the old database: SQLite would otherwise replay the old log onto the
/// restored file.
/// </summary>
internal static class RestoreVerb
{
    public const string Name = "restore";

    public const string PostgresAdvice =
        "restore works on the SQLite file, and this app runs on PostgreSQL: restore a pg_dump backup with pg_restore, for example " +
        "pg_restore --clean --if-exists --dbname=\"postgresql://USER@HOST/phasetracker\" phasetracker.dump.";

    public static readonly VerbSyntax Syntax = new(Name, "restore --from FILE [--db PATH] (stop the app first)", [], ["--from", "--db"], []);

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static async Task<int> RunAsync(VerbArguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        var backup = args.Value("--from") is { } value
            ? Path.GetFullPath(value)
            : throw new UsageException($"--from is missing. Usage: {Syntax.Usage}");
        var target = SqliteFile.Resolve(args, PostgresAdvice);

        if (!File.Exists(backup))
        {
            throw new CommandException(Directory.Exists(backup) ? $"'{backup}' is a folder, not a backup file." : $"There is no file '{backup}'.");
        }

        if (string.Equals(backup, target, StringComparison.Ordinal))
        {
            throw new CommandException($"'{backup}' is the database itself: restore from a backup file.");
        }

        if (await SqliteFile.ProblemAsync(backup, checkIntegrity: true, cancellationToken) is { } problem)
        {
            throw new CommandException(problem);
        }

        if (File.Exists(target))
        {
            await EnsureNotInUseAsync(target, cancellationToken);
        }
        else if (Path.GetDirectoryName(target) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Copied beside the database first, then renamed over it: the database is either the old file
        // or the whole backup, never half of one.
        var incoming = target + ".restoring";
        File.Copy(backup, incoming, overwrite: true);
        foreach (var suffix in (string[])["-wal", "-shm", "-journal"])
        {
            File.Delete(target + suffix);
        }

        File.Move(incoming, target, overwrite: true);
        await stderr.WriteLineAsync($"Restored '{target}' from '{backup}' ({SqliteFile.Size(new FileInfo(target).Length)}); start the app again.");
        return 0;
    }

    /// <summary>
    /// Leaving write-ahead logging needs the only connection to the database, so it fails while the app
    /// (or anything else) has it open; it also moves what the log holds into the file before it goes.
    /// </summary>
    private static async Task EnsureNotInUseAsync(string target, CancellationToken cancellationToken)
    {
        var inUse = new CommandException($"The database '{target}' is in use: stop the app, then restore.");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = target,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 2,
        }.ToString());
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout = 1000";
                await command.ExecuteNonQueryAsync(cancellationToken);
                command.CommandText = "PRAGMA journal_mode = DELETE";
                var mode = await command.ExecuteScalarAsync(cancellationToken) as string;
                if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase))
                {
                    throw inUse;
                }
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
            {
                throw inUse;
            }
            catch (SqliteException)
            {
                // Not a readable database: nothing has it open as one, and the backup replaces it.
            }
        }
    }
}
