using PhaseTracker.Web.Infrastructure;

namespace PhaseTracker.IntegrationTests.Infrastructure;

public sealed class AppFolderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Run_from_its_build_output_the_app_folder_is_the_project_folder()
    {
        var project = Directory.CreateDirectory(_directory.File("PhaseTracker.Web")).FullName;
        File.WriteAllText(Path.Combine(project, "PhaseTracker.Web.csproj"), "<Project />");
        var output = Directory.CreateDirectory(Path.Combine(project, "bin", "Debug", "net10.0")).FullName;

        Assert.Equal(project, AppFolder.Find(output + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Run_from_a_published_folder_the_app_folder_is_that_folder()
    {
        var published = Directory.CreateDirectory(_directory.File("out")).FullName;

        Assert.Equal(published, AppFolder.Find(published + Path.DirectorySeparatorChar));
    }
}
