using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Cli;

/// <summary><c>export --adr-dir DIR</c>: the decision records as MADR files a repo keeps in docs/adr.</summary>
public sealed class AdrExportTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Db => _directory.File("tracking.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Export_with_an_adr_dir_writes_one_madr_file_per_record_and_nothing_on_stdout()
    {
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db)).ExitCode);
        var folder = _directory.File("docs/adr");

        var run = await CommandLineRun.RunAsync("export", "--db", Db, "--adr-dir", folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(
            [
                "0001-remove-prisma-in-favor-of-sqlalchemy.md",
                "0002-unified-http-client-vs-multiple-clients.md",
                "0003-exponential-backoff-for-retries.md",
                "0004-correlation-ids-via-x-request-id-header.md",
            ],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var first = await File.ReadAllTextAsync(Path.Combine(folder, "0001-remove-prisma-in-favor-of-sqlalchemy.md"));
        Assert.StartsWith("---\nstatus: accepted\ndate: 2025-11-12\n---\n\n# Remove Prisma in Favor of SQLAlchemy\n", first, StringComparison.Ordinal);
        Assert.Contains("4 decision record file(s) written to", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_with_an_adr_dir_of_a_phase_without_records_says_so_and_writes_nothing()
    {
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db)).ExitCode);
        var folder = _directory.File("adr");

        var run = await CommandLineRun.RunAsync("export", "--db", Db, "--phase", "7", "--adr-dir", folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(Directory.GetFiles(folder));
        Assert.Contains("no decision record", run.Stderr, StringComparison.Ordinal);
    }
}
