using System.Diagnostics;

namespace PhaseTracker.Tests.Tracking;

/// <summary>
/// Runs Mermaid's own parser (tests/mermaid, through Node.js) over diagram texts. The first use installs
/// the locked npm packages when they are missing (<c>npm ci</c>); a machine without Node.js fails the test
/// with a sentence saying so, as a missing tool must not pass for a valid diagram.
/// </summary>
internal static class MermaidCheck
{
    private static readonly Lazy<string> Folder = new(Install);

    /// <summary>Mermaid's verdict per text: "ok ... gantt" or "invalid ...: reason"; also whether all parsed.</summary>
    public static (bool Valid, string Output) Parse(params string[] diagrams)
    {
        var folder = Folder.Value;
        var work = Directory.CreateTempSubdirectory("mermaid-");
        try
        {
            var files = diagrams.Select((text, i) =>
            {
                var path = Path.Combine(work.FullName, $"diagram-{i}.mmd");
                File.WriteAllText(path, text);
                return path;
            }).ToList();
            var (exitCode, output) = Run("node", ["validate.mjs", .. files], folder, TimeSpan.FromMinutes(2));
            return (exitCode == 0, output);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Install()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "mermaid");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "mermaid")))
        {
            var (exitCode, output) = Run("npm", ["ci", "--no-audit", "--no-fund"], folder, TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, $"npm ci in {folder} failed:\n{output}");
        }

        return folder;
    }

    private static (int ExitCode, string Output) Run(string program, string[] arguments, string folder, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{program} is not installed ({ex.Message}): the Mermaid check needs Node.js and npm (apt-get install -y nodejs npm).", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {limit}.");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PhaseTracker.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PhaseTracker.sln above {AppContext.BaseDirectory}.");
    }
}
