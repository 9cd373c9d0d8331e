using System.Diagnostics;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Postgres;

/// <summary>
/// Several instances on one PostgreSQL database run with <c>Database:MigrateOnStart=false</c>: the
/// <c>migrate</c> command upgrades the database once, before they start, and an instance refuses to
/// serve on a database that lacks its migrations.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrateTests(PostgresCluster cluster)
{
    private static readonly Dictionary<string, string> NoMigrateOnStart = new() { [DatabaseSettings.MigrateOnStartKey] = "false" };

    [PostgresFact]
    public async Task The_migrate_command_upgrades_an_empty_database_once_and_then_finds_it_up_to_date()
    {
        var database = cluster.CreateDatabase();

        var first = await RunProgramAsync(database, "migrate");
        var second = await RunProgramAsync(database, "migrate");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Matches("^Applied \\d+ migration\\(s\\) to the Postgres database: \\d+_InitialCreate(, \\d+_\\w+)*\\.\\n$", first.Stderr);
        Assert.Empty(first.Stdout);
        Assert.Equal((0, "The Postgres database is up to date.\n"), (second.ExitCode, second.Stderr));
    }

    [PostgresFact]
    public async Task Without_migrate_on_start_an_instance_refuses_an_unmigrated_database_and_serves_once_it_is_migrated()
    {
        var database = cluster.CreateDatabase();

        using (var unmigrated = PostgresPhaseTrackerFactory.OnDatabase(database, NoMigrateOnStart))
        {
            var error = Assert.ThrowsAny<Exception>(() => unmigrated.CreateClient());
            Assert.Contains("MigrateOnStart is false: run the 'migrate' command once, then start the instances.", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await RunProgramAsync(database, "migrate")).ExitCode);
        using var migrated = PostgresPhaseTrackerFactory.OnDatabase(database, NoMigrateOnStart);
        using var client = migrated.CreateClient();

        Assert.Contains(Seed.ItemTitles[0], await client.GetPageAsync("/items"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_database_that_does_not_answer_is_one_sentence_on_stderr_and_exit_code_1()
    {
        // Port 1 on the loopback: nothing listens there.
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString("phasetracker")) { Port = 1, Timeout = 5 }.ConnectionString;

        var run = await RunProgramAsync(unreachable, "export");

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Stderr.StartsWith("The database could not be used:", StringComparison.Ordinal), unreachable + " " + run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The published program as a script runs it: provider and connection string from the environment.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProgramAsync(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PhaseTracker.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__PhaseTracker"] = connectionString;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
