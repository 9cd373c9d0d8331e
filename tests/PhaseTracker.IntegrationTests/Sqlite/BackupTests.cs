using System.Security.Cryptography;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.IntegrationTests.Sqlite;

/// <summary><c>backup</c> while the app serves and writers write; <c>restore</c> with the app stopped.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_backup_taken_while_writers_run_restores_to_the_exports_it_had_at_backup_time()
    {
        using var factory = new PhaseTrackerFactory();
        _ = factory.Services; // serving: migrated, the seed imported
        using var stop = new CancellationTokenSource();
        var imported = 0;
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var phase = 100 + (w * 1000) + n;
                await using var scope = factory.Services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ImportService>()
                    .ImportAsync(Seed.Utf8.GetBytes(PhaseDocument(phase)), dryRun: false);
                Assert.True(result.Accepted, result.Rejection?.ToString());
                await scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>().BumpDataVersionAsync(CancellationToken.None);
                Interlocked.Increment(ref imported);
            }
        })).ToList();
        await WaitUntilAsync(() => Volatile.Read(ref imported) >= 8);

        var backup = _directory.File("backup.db");
        var run = await CommandLineRun.RunAsync("backup", "--out", backup, "--db", factory.DatabasePath);
        var atBackup = await ExportsAsync(backup);
        var importedAtBackup = Volatile.Read(ref imported);

        await WaitUntilAsync(() => Volatile.Read(ref imported) >= importedAtBackup + 8);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"^Backed up '.+' to '.+backup\.db' \([0-9.]+ [KM]B, integrity check ok\)\.\n$", run.Stderr);

        // A consistent copy: every phase in it whole, exactly as its document was imported.
        Assert.Contains(atBackup, e => e.Phase == 2 && e.Text == Seed.RepairedText);
        Assert.All(atBackup.Where(e => e.Phase >= 100), e => Assert.Equal(PhaseDocument(e.Phase), e.Text));
        Assert.True((await ExportsAsync(factory.DatabasePath)).Count > atBackup.Count, "The writers wrote nothing after the backup.");

        var restored = Path.Combine(_directory.Path, "restored", "phasetracker.db");
        var restore = await CommandLineRun.RunAsync("restore", "--from", backup, "--db", restored);
        Assert.True(restore.ExitCode == 0, restore.Stderr);
        Assert.Equal(atBackup, await ExportsAsync(restored));
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_an_existing_file()
    {
        var db = await SeededDatabaseAsync();
        var existing = _directory.File("existing.db");
        await File.WriteAllTextAsync(existing, "yesterday's backup");

        var run = await CommandLineRun.RunAsync("backup", "--out", existing, "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"'{existing}' exists already: a backup never overwrites a file, so choose a new name.\n", run.Stderr);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task Backup_of_a_missing_database_says_so_and_creates_nothing()
    {
        var missing = _directory.File("missing.db");
        var backup = _directory.File("backup.db");

        var run = await CommandLineRun.RunAsync("backup", "--out", backup, "--db", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"There is no database at '{missing}': nothing to back up.\n", run.Stderr);
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(backup));
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_database_and_leaves_the_database_untouched()
    {
        var db = await SeededDatabaseAsync();
        var before = await FingerprintAsync(db);
        var notes = _directory.File("notes.md");
        await File.WriteAllTextAsync(notes, "# Not a database\n");

        var run = await CommandLineRun.RunAsync("restore", "--from", notes, "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"'{notes}' is not an SQLite database.\n", run.Stderr);
        Assert.Equal(before, await FingerprintAsync(db));
        Assert.Equal(Seed.RepairedText, (await CommandLineRun.RunAsync("export", "--db", db)).Stdout);
    }

    [Fact]
    public async Task Restore_refuses_an_sqlite_file_of_another_application()
    {
        var db = await SeededDatabaseAsync();
        var before = await FingerprintAsync(db);
        var other = _directory.File("other.db");
        await using (var connection = new SqliteConnection(DatabaseSettings.ForSqliteFile(other, pooling: false)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Notes (Text TEXT)";
            await command.ExecuteNonQueryAsync();
        }

        var run = await CommandLineRun.RunAsync("restore", "--from", other, "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"'{other}' is an SQLite database but not a PhaseTracker one: it has no migrations history.\n", run.Stderr);
        Assert.Equal(before, await FingerprintAsync(db));
    }

    [Fact]
    public async Task Restore_refuses_a_database_that_something_has_open()
    {
        var backup = _directory.File("backup.db");
        Assert.Equal(0, (await CommandLineRun.RunAsync("backup", "--out", backup, "--db", await SeededDatabaseAsync())).ExitCode);
        var db = await SeededDatabaseAsync();
        SqliteConnection.ClearAllPools();

        // A connection of the app's, held open as the app's pool holds them (ClearAllPools, which
        // other tests call, cannot close it).
        await using (var app = new SqliteConnection(DatabaseSettings.ForSqliteFile(db, pooling: false)))
        {
            await app.OpenAsync();
            await using var read = app.CreateCommand();
            read.CommandText = "SELECT count(*) FROM Phases";
            Assert.Equal(1L, await read.ExecuteScalarAsync());

            var run = await CommandLineRun.RunAsync("restore", "--from", backup, "--db", db);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal($"The database '{db}' is in use: stop the app, then restore.\n", run.Stderr);
            Assert.Equal(1L, await read.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task Restore_replaces_the_database_and_its_stale_write_ahead_log()
    {
        var backup = _directory.File("backup.db");
        Assert.Equal(0, (await CommandLineRun.RunAsync("backup", "--out", backup, "--db", await SeededDatabaseAsync())).ExitCode);
        var db = _directory.File("target.db");
        var phase7 = _directory.File("phase7.md");
        await File.WriteAllBytesAsync(phase7, Seed.Utf8.GetBytes(PhaseDocument(7)));
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", phase7, "--db", db)).ExitCode);
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(db + "-wal", "a log left behind by a crash");

        var run = await CommandLineRun.RunAsync("restore", "--from", backup, "--db", db);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"^Restored '.+target\.db' from '.+backup\.db' \([0-9.]+ [KM]B\); start the app again\.\n$", run.Stderr);
        Assert.False(File.Exists(db + "-wal"));
        Assert.Equal([(2, Seed.RepairedText)], await ExportsAsync(db));
    }

    [Theory]
    [InlineData("backup", "--out", "pg_dump --format=custom")]
    [InlineData("restore", "--from", "pg_restore --clean")]
    public async Task On_PostgreSQL_backup_and_restore_point_to_pg_dump_and_pg_restore(string verb, string option, string advice)
    {
        var file = _directory.File("phasetracker.dump");
        await File.WriteAllTextAsync(file, "");
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__PhaseTracker"] = "Host=127.0.0.1;Database=phasetracker;Username=phasetracker",
        };

        var (exitCode, stdout, stderr) = await ProgramProcess.RunAsync(_directory.Path, environment, verb, option, file);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(advice, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    /// <summary>A small document of its own for each phase number.</summary>
    private static string PhaseDocument(int phase) => ConcurrentWriteTests.Document(phase, items: 2 + (phase % 4), seed: phase);

    private async Task<string> SeededDatabaseAsync()
    {
        var db = _directory.File($"seeded-{Guid.NewGuid():N}.db");
        var import = await CommandLineRun.RunAsync("import", Seed.Path, "--db", db);
        Assert.True(import.ExitCode == 0, import.Stderr);
        return db;
    }

    /// <summary>The export of every phase in the database file, by phase number, through the export verb.</summary>
    private static async Task<List<(int Phase, string Text)>> ExportsAsync(string path)
    {
        List<int> phases = [];
        await using (var connection = new SqliteConnection(DatabaseSettings.ForSqliteFile(path, pooling: false)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Number FROM Phases ORDER BY Number";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                phases.Add(reader.GetInt32(0));
            }
        }

        List<(int, string)> exports = [];
        foreach (var phase in phases)
        {
            var export = await CommandLineRun.RunAsync("export", "--db", path, "--phase", phase.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(export.ExitCode == 0, export.Stderr);
            exports.Add((phase, export.Stdout));
        }

        return exports;
    }

    /// <summary>The database's bytes, once every connection has let go of it and its log is in the file.</summary>
    private static async Task<string> FingerprintAsync(string path)
    {
        SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0, "A connection still holds the database.");
        return Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(path)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
