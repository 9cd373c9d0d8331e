using System.Diagnostics;

using Microsoft.Data.Sqlite;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Cli;

/// <summary>The real program, started as a child process from the test's output folder.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Export_run_as_a_process_writes_only_the_document_to_stdout_byte_for_byte()
    {
        var db = _directory.File("tracking.db");
        var import = await CommandLineRun.RunAsync("import", Seed.Path, "--db", db);
        Assert.True(import.ExitCode == 0, import.Stderr);
        SqliteConnection.ClearAllPools();

        var (exitCode, stdout, stderr) = await RunProgramAsync("export", "--db", db);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(Seed.Utf8.GetBytes(Seed.RepairedText), stdout);
    }

    [Fact]
    public async Task A_command_run_as_a_process_that_fails_prints_one_sentence_and_exits_1()
    {
        var (exitCode, stdout, stderr) = await RunProgramAsync("export", "--db", _directory.File("empty.db"));

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Equal("The database holds no phase yet: import a tracking document first.\n", stderr);
    }

    private async Task<(int ExitCode, byte[] Stdout, string Stderr)> RunProgramAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PhaseTracker.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await copy;
        return (process.ExitCode, stdout.ToArray(), await stderr);
    }
}
