using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Cli;

/// <summary><c>migrate [--db PATH]</c> on SQLite: the same verb that upgrades a shared PostgreSQL database.</summary>
public sealed class MigrateVerbTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Migrate_creates_and_upgrades_the_database_then_finds_it_up_to_date()
    {
        var db = _directory.File("migrate.db");

        var first = await CommandLineRun.RunAsync("migrate", "--db", db);
        var second = await CommandLineRun.RunAsync("migrate", "--db", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Empty(first.Stdout);
        Assert.Matches("^Applied \\d+ migration\\(s\\) to the Sqlite database: \\d+_InitialCreate(, \\d+_\\w+)+\\.\\n$", first.Stderr);
        Assert.Equal((0, "The Sqlite database is up to date.\n"), (second.ExitCode, second.Stderr));
        await using var context = CommandLineRun.OpenDatabase(db);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(await context.Phases.AnyAsync());
    }

    [Fact]
    public async Task Migrate_takes_no_other_argument()
    {
        var run = await CommandLineRun.RunAsync("migrate", "extra");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Unexpected argument 'extra'. Usage: migrate [--db PATH]\n", run.Stderr);
    }
}
