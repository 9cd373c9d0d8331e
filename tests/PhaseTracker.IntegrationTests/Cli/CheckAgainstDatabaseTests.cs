using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Cli;

/// <summary>
/// <c>check FILE --against-db</c>: a repo's CI compares its tracking file with the database's export of
/// the same phase, and fails with the diff where one side was edited without the other.
/// </summary>
public sealed class CheckAgainstDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Db => _directory.File("tracking.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private async Task ImportSeedAsync() => Assert.Equal(0, (await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db)).ExitCode);

    [Fact]
    public async Task The_file_that_was_imported_matches_the_database_with_its_encoding_repairs_named()
    {
        await ImportSeedAsync();

        var run = await CommandLineRun.RunAsync("check", Seed.Path, "--against-db", "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Matches(@"^PHASE2_TRACKING\.md matches the database's phase 2 \(after \d+ encoding repair\(s\) the import would make\)\.\n$", run.Stderr);
    }

    [Fact]
    public async Task A_file_edited_after_the_import_fails_with_the_diff_of_its_edit()
    {
        await ImportSeedAsync();
        var edited = _directory.File("edited.md");
        await File.WriteAllTextAsync(edited, Seed.RepairedText.Replace("**Owner:** DevOps", "**Owner:** Platform Team", StringComparison.Ordinal));

        var run = await CommandLineRun.RunAsync("check", edited, "--against-db", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--- edited.md\n+++ database, phase 2\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n-**Owner:** Platform Team\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n+**Owner:** DevOps\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("edited.md differs from the database's phase 2: one side was edited without the other", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_edited_after_the_import_fails_against_the_unchanged_file()
    {
        await ImportSeedAsync();
        await using (var db = CommandLineRun.OpenDatabase(Db))
        {
            await db.DeferredItems.Where(i => i.Number == 3).ExecuteUpdateAsync(set => set.SetProperty(i => i.Owner, "QA Guild"));
        }

        var run = await CommandLineRun.RunAsync("check", Seed.Path, "--against-db", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\n+**Owner:** QA Guild\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_a_phase_the_database_does_not_hold_fails_with_one_sentence()
    {
        await ImportSeedAsync();
        var other = _directory.File("phase7.md");
        await File.WriteAllTextAsync(other, Seed.RepairedText.Replace("Phase 2 Tracking", "Phase 7 Tracking", StringComparison.Ordinal));

        var run = await CommandLineRun.RunAsync("check", other, "--against-db", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("phase7.md: The database holds no phase 7.\n", run.Stderr);
    }
}
