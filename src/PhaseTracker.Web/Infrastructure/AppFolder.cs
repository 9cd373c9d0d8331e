namespace PhaseTracker.Web.Infrastructure;

/// <summary>
/// The folder of the app's own files (settings, wwwroot, the default <c>data/</c>), wherever the app is
/// started from: the published folder, or the project folder when it runs from its build output
/// (<c>dotnet run</c>, which keeps the caller's directory so that paths on the command line mean what
/// the caller sees).
/// </summary>
public static class AppFolder
{
    public static string Path { get; } = Find(AppContext.BaseDirectory);

    internal static string Find(string baseDirectory)
    {
        // bin/{Configuration}/{TargetFramework}/ under the project folder.
        var output = new DirectoryInfo(baseDirectory);
        var project = output.Parent?.Parent?.Parent;
        return output.Parent?.Parent?.Name == "bin" && project is not null
            && File.Exists(System.IO.Path.Combine(project.FullName, "PhaseTracker.Web.csproj"))
                ? project.FullName
                : System.IO.Path.TrimEndingDirectorySeparator(output.FullName);
    }
}
