namespace PhaseTracker.BrowserTests.Infrastructure;

/// <summary>
/// Where the tests keep what they produce for people to look at: TestResults/screenshots at the root of the
/// repository (beside the .trx files that CI writes there), else in the test's output folder.
/// </summary>
public static class TestOutputFolder
{
    private static readonly Lazy<string> ScreenshotsFolder = new(() =>
    {
        var root = RepositoryRoot();
        var folder = root is null
            ? Path.Combine(AppContext.BaseDirectory, "screenshots")
            : Path.Combine(root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static string Screenshots => ScreenshotsFolder.Value;

    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PhaseTracker.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
