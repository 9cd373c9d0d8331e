using System.Diagnostics;
using System.Globalization;

using Microsoft.Data.Sqlite;

using PhaseTracker.Benchmarks;
using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;

using Xunit.Abstractions;

namespace PhaseTracker.IntegrationTests.Sqlite;

/// <summary>
/// <c>kill -9</c> in the middle of an import: the real program as a child process, killed while its
/// import transaction is writing. SQLite's write-ahead log holds the transaction's pages without a
/// commit record, so the next connection ignores them: the database is as it was before the import.
/// </summary>
public sealed class KillDuringImportTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// The log grows this much only inside the import transaction: with the log emptied before the
    /// program starts, its opening (an up-to-date migration check) writes a few pages at most.
    /// </summary>
    private const long InsideTheTransaction = 1024 * 1024;

    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Killing_the_process_in_the_middle_of_an_import_leaves_the_database_as_it_was()
    {
        var killedInside = false;

        // A bigger document when the import finished before it could be killed (a very fast machine).
        foreach (var items in (int[])[10_000, 20_000, 20_000, 20_000, 20_000])
        {
            var db = _directory.File($"tracking-{items}-{Guid.NewGuid():N}.db");
            var import = await CommandLineRun.RunAsync("import", Seed.Path, "--db", db);
            Assert.True(import.ExitCode == 0, import.Stderr);
            var seedExport = await ExportAsync(db);
            await EmptyTheLogAsync(db);

            var big = _directory.File($"BIG-{items}.md");
            await File.WriteAllBytesAsync(big, Seed.Utf8.GetBytes(TrackingDocumentGenerator.Generate(items, adrs: 20, seed: 5)));

            var clock = Stopwatch.StartNew();
            using var process = ProgramProcess.Start(_directory.Path, environment: null, "import", big, "--db", db);
            var log = new FileInfo(db + "-wal");
            var logSize = 0L;
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                log.Refresh();
                logSize = log.Exists ? log.Length : 0;
                if (logSize > InsideTheTransaction)
                {
                    process.Kill();
                    break;
                }

                await Task.Delay(2);
            }

            var (exitCode, _, stderr) = await process.WaitAsync(TimeSpan.FromMinutes(1));
            output.WriteLine($"{items} items: exit {exitCode} after {clock.ElapsedMilliseconds} ms, log {logSize / 1024} KB at the kill");

            Assert.Equal("ok", await IntegrityCheckAsync(db));
            var after = await ExportAsync(db);
            if (logSize <= InsideTheTransaction)
            {
                // Finished before the kill: then all of it applied, never a part.
                Assert.True(exitCode == 0, stderr);
                Assert.NotEqual(seedExport, after);
                continue;
            }

            // A kill that landed after the commit (the poll is slow on a loaded machine) finds the whole
            // new document: fine, but it proves nothing about a kill inside; try again.
            var bigText = await File.ReadAllTextAsync(big);
            if (after == bigText)
            {
                continue;
            }

            // Killed inside the transaction: the database is as it was, never part of the new document.
            Assert.Equal(seedExport, after);
            killedInside = true;
            break;
        }

        Assert.True(killedInside, "Every import finished before it could be killed inside its transaction.");
    }

    private static async Task<string> ExportAsync(string db)
    {
        var export = await CommandLineRun.RunAsync("export", "--db", db);
        Assert.True(export.ExitCode == 0, export.Stderr);
        return export.Stdout;
    }

    /// <summary>Moves the log into the file and empties it, so that only the child's writes grow it.</summary>
    private static async Task EmptyTheLogAsync(string db)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection(DatabaseSettings.ForSqliteFile(db, pooling: false));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> IntegrityCheckAsync(string db)
    {
        await using var connection = new SqliteConnection(DatabaseSettings.ForSqliteFile(db, pooling: false));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }
}
