using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Cli;
using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Infrastructure;

/// <summary>What one in-process run of a verb gave.</summary>
public sealed record CommandLineRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CommandLineRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new CommandLineRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a verb with <paramref name="stdin"/> as its standard input.</summary>
    public static async Task<CommandLineRun> RunWithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await CommandLine.RunAsync(args, input, stdout, stderr, CancellationToken.None);
        return new CommandLineRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static PhaseTrackerDbContext OpenDatabase(string path)
    {
        var options = new DbContextOptionsBuilder<PhaseTrackerDbContext>();
        options.UsePhaseTrackerSqlite(DatabaseSettings.ForSqliteFile(path));
        return new PhaseTrackerDbContext(options.Options);
    }
}
