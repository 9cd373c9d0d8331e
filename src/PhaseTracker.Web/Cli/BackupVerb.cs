using Microsoft.Data.Sqlite;

namespace PhaseTracker.Web.Cli;

/// <summary>
/// <c>backup --out FILE [--db PATH]</c>: a consistent copy of the SQLite database, taken while the app
/// serves. <c>VACUUM INTO</c> writes the copy from one read transaction, so it holds every transaction
/// committed before it started and none after, while writers go on (write-ahead logging keeps readers
/// and the writer apart). The copy is checked with <c>PRAGMA integrity_check</c> before the verb says
/// it is done; a copy that fails the check is removed.
/// </summary>
internal static class BackupVerb
{
    public const string Name = "backup";

    public const string PostgresAdvice =
        "backup works on the SQLite file, and this app runs on PostgreSQL: back it up with pg_dump, for example " +
        "pg_dump --format=custom --file=phasetracker.dump \"postgresql://USER@HOST/phasetracker\", " +
        "and restore with pg_restore --clean --if-exists --dbname=\"postgresql://USER@HOST/phasetracker\" phasetracker.dump.";

    public static readonly VerbSyntax Syntax = new(Name, "backup --out FILE [--db PATH]", [], ["--out", "--db"], []);

    public static async Task<int> RunAsync(VerbArguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        var output = args.Value("--out") is { } value
            ? Path.GetFullPath(value)
            : throw new UsageException($"--out is missing. Usage: {Syntax.Usage}");
        var source = SqliteFile.Resolve(args, PostgresAdvice);

        if (File.Exists(output) || Directory.Exists(output))
        {
            throw new CommandException($"'{output}' exists already: a backup never overwrites a file, so choose a new name.");
        }

        if (!File.Exists(source))
        {
            throw new CommandException($"There is no database at '{source}': nothing to back up.");
        }

        // The copy is checked for integrity below; here only that it is the app's database at all.
        if (await SqliteFile.ProblemAsync(source, checkIntegrity: false, cancellationToken) is { } problem)
        {
            throw new CommandException(problem);
        }

        if (Path.GetDirectoryName(output) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using (var connection = SqliteFile.Connect(source, SqliteOpenMode.ReadWrite))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 30000; VACUUM INTO $output;";
            command.Parameters.AddWithValue("$output", output);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        string integrity;
        await using (var copy = SqliteFile.Connect(output, SqliteOpenMode.ReadOnly))
        {
            await copy.OpenAsync(cancellationToken);
            integrity = await SqliteFile.IntegrityCheckAsync(copy, cancellationToken);
        }

        if (integrity != "ok")
        {
            File.Delete(output);
            throw new CommandException($"The copy failed its integrity check and was removed: {integrity}");
        }

        await stderr.WriteLineAsync($"Backed up '{source}' to '{output}' ({SqliteFile.Size(new FileInfo(output).Length)}, integrity check ok).");
        return 0;
    }
}
