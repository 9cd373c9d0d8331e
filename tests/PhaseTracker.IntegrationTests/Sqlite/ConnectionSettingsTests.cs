using System.Globalization;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Cli;
using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Sqlite;

/// <summary>Write-ahead logging, foreign keys and a busy timeout on every connection: the web app's and the verbs'.</summary>
public sealed class ConnectionSettingsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_web_apps_connections_use_write_ahead_logging_foreign_keys_and_a_busy_timeout()
    {
        using var factory = new PhaseTrackerFactory();
        await using var scope = factory.Services.CreateAsyncScope();

        await AssertSettingsAsync(scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>());
    }

    [Fact]
    public async Task The_command_lines_connections_use_write_ahead_logging_foreign_keys_and_a_busy_timeout()
    {
        using var host = await CommandLine.OpenAsync(DatabaseSettings.ForSqliteFile(_directory.File("cli.db")), CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();

        await AssertSettingsAsync(scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>());
    }

    [Fact]
    public async Task A_backup_written_with_a_rollback_journal_opens_and_switches_to_write_ahead_logging()
    {
        var db = _directory.File("source.db");
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", Seed.Path, "--db", db)).ExitCode);
        var backup = _directory.File("backup.db");
        Assert.Equal(0, (await CommandLineRun.RunAsync("backup", "--out", backup, "--db", db)).ExitCode);
        Assert.Equal("delete", await JournalModeAsync(backup));

        using var host = await CommandLine.OpenAsync(DatabaseSettings.ForSqliteFile(backup), CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();

        await AssertSettingsAsync(scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>());
    }

    private static async Task AssertSettingsAsync(PhaseTrackerDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
        Assert.Equal("30000", await PragmaAsync(connection, "busy_timeout"));
    }

    private static async Task<string> JournalModeAsync(string path)
    {
        await using var connection = new SqliteConnection(DatabaseSettings.ForSqliteFile(path, pooling: false));
        await connection.OpenAsync();
        return await PragmaAsync(connection, "journal_mode");
    }

    private static async Task<string> PragmaAsync(System.Data.Common.DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }
}
