using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Export;

/// <summary><c>export --diagrams</c>, and the text an export leaves behind as the base of the next import.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Db => _directory.File("tracking.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private async Task<string?> SourceTextAsync()
    {
        await using var db = CommandLineRun.OpenDatabase(Db);
        return await db.Phases.Where(p => p.Number == 2).Select(p => p.SourceText).SingleAsync();
    }

    [Fact]
    public async Task Export_with_diagrams_adds_the_gantt_and_the_quadrant_chart_and_importing_that_file_keeps_them_once()
    {
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db)).ExitCode);

        var run = await CommandLineRun.RunAsync("export", "--db", Db, "--diagrams");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, ExportFiles.GeneratedGantts(run.Stdout));
        Assert.Equal(1, ExportFiles.GeneratedQuadrantCharts(run.Stdout));
        Assert.Equal(Seed.RepairedText, ExportFiles.WithoutGeneratedDiagrams(run.Stdout));

        var file = _directory.File("PHASE2_TRACKING.md");
        await File.WriteAllTextAsync(file, run.Stdout);
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", file, "--db", Db)).ExitCode);
        Assert.Equal(run.Stdout, (await CommandLineRun.RunAsync("export", "--db", Db)).Stdout);
        Assert.Equal(run.Stdout, (await CommandLineRun.RunAsync("export", "--db", Db, "--diagrams")).Stdout);
    }

    [Fact]
    public async Task A_file_exported_with_diagrams_matches_the_database_in_check_against_db_until_one_side_changes()
    {
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db)).ExitCode);
        var file = _directory.File("PHASE2_TRACKING.md");
        Assert.Equal(0, (await CommandLineRun.RunAsync("export", "--db", Db, "--diagrams", "--out", file)).ExitCode);

        var matching = await CommandLineRun.RunAsync("check", file, "--against-db", "--db", Db);
        Assert.Equal(0, matching.ExitCode);
        Assert.Equal("", matching.Stdout);

        await using (var db = CommandLineRun.OpenDatabase(Db))
        {
            await db.DeferredItems.Where(i => i.Number == 2).ExecuteUpdateAsync(set => set.SetProperty(i => i.EffortHours, 6));
        }

        var differing = await CommandLineRun.RunAsync("check", file, "--against-db", "--db", Db);
        Assert.Equal(1, differing.ExitCode);
        Assert.Contains("+    2. Complete Bundle Analysis: [0.73, 0.35]\n", differing.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_after_an_edit_is_remembered_as_the_phases_text_and_a_json_export_is_not()
    {
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db)).ExitCode);
        await using (var db = CommandLineRun.OpenDatabase(Db))
        {
            await db.DeferredItems.Where(i => i.Number == 4).ExecuteUpdateAsync(set => set.SetProperty(i => i.EffortHours, 10));
        }

        Assert.Equal(0, (await CommandLineRun.RunAsync("export", "--db", Db, "--format", "json")).ExitCode);
        Assert.Equal(Seed.RepairedText, await SourceTextAsync());

        var output = _directory.File("out.md");
        var run = await CommandLineRun.RunAsync("export", "--db", Db, "--out", output);

        Assert.Equal(0, run.ExitCode);
        var exported = await File.ReadAllTextAsync(output);
        Assert.Contains("**Estimated Effort:** 10 hours", exported, StringComparison.Ordinal);
        Assert.Equal(exported, await SourceTextAsync());
    }

    [Fact]
    public async Task An_export_of_an_unchanged_phase_leaves_its_remembered_text_as_it_was()
    {
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db)).ExitCode);

        Assert.Equal(0, (await CommandLineRun.RunAsync("export", "--db", Db)).ExitCode);

        Assert.Equal(Seed.RepairedText, await SourceTextAsync());
    }
}
