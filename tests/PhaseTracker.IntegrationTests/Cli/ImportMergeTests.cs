using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;

namespace PhaseTracker.IntegrationTests.Cli;

/// <summary>
/// <c>import FILE [--theirs|--ours]</c> merges three ways (PRODUCT.md rule 8): the text last imported is
/// the base, so an edit made in the database since survives importing the old file again, and where the
/// file and the database both changed a field, the import stops unless told which side wins.
/// </summary>
public sealed class ImportMergeTests : IDisposable
{
    private const string Item3Owner = "**Owner:** Backend Team";

    private readonly TempDirectory _directory = new();

    private string Db => _directory.File("tracking.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task An_edit_made_in_the_database_survives_importing_the_old_file_again()
    {
        await ImportAsync(Seed.Path);
        await SetItemOwnerAsync(3, "QA Guild");

        var run = await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("QA Guild", await ItemOwnerAsync(3));
        var export = await CommandLineRun.RunAsync("export", "--db", Db);
        Assert.Contains("**Owner:** QA Guild", export.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_made_only_in_the_file_is_taken_and_exports_as_the_file_byte_for_byte()
    {
        await ImportAsync(Seed.Path);
        var edited = await WriteAsync("edited.md", Seed.RepairedText.Replace(Item3Owner, "**Owner:** Platform Team", StringComparison.Ordinal));

        await ImportAsync(edited);

        Assert.Equal("Platform Team", await ItemOwnerAsync(3));
        var export = await CommandLineRun.RunAsync("export", "--db", Db);
        Assert.Equal(await File.ReadAllTextAsync(edited), export.Stdout);
    }

    [Fact]
    public async Task Both_sides_changing_one_field_stops_the_import_with_the_conflict_and_changes_nothing()
    {
        await ImportAsync(Seed.Path);
        await SetItemOwnerAsync(3, "QA Guild");
        var edited = await WriteAsync("edited.md", Seed.RepairedText
            .Replace(Item3Owner, "**Owner:** Platform Team", StringComparison.Ordinal)
            .Replace("**Owner:** Frontend Team", "**Owner:** Web Team", StringComparison.Ordinal));
        var historyBefore = await HistoryCountAsync();

        var run = await CommandLineRun.RunAsync("import", edited, "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Conflict in Item 3, Owner: the database has \"QA Guild\", the document has \"Platform Team\" (was \"Backend Team\").", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--theirs", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("QA Guild", await ItemOwnerAsync(3));
        Assert.Equal("Frontend Team", await ItemOwnerAsync(4));
        Assert.Equal(historyBefore, await HistoryCountAsync());
    }

    [Fact]
    public async Task Theirs_lets_the_file_win_the_conflict()
    {
        var edited = await ConflictingEditAsync();

        var run = await CommandLineRun.RunAsync("import", edited, "--theirs", "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Platform Team", await ItemOwnerAsync(3));
        Assert.Equal("Web Team", await ItemOwnerAsync(4));
    }

    [Fact]
    public async Task Ours_lets_the_database_win_the_conflict_and_still_takes_the_files_other_changes()
    {
        var edited = await ConflictingEditAsync();

        var run = await CommandLineRun.RunAsync("import", edited, "--ours", "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("QA Guild", await ItemOwnerAsync(3));
        Assert.Equal("Web Team", await ItemOwnerAsync(4));
        Assert.Contains("The database wins.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_sides_making_the_same_change_is_no_conflict()
    {
        await ImportAsync(Seed.Path);
        await SetItemOwnerAsync(3, "Platform Team");
        var edited = await WriteAsync("edited.md", Seed.RepairedText.Replace(Item3Owner, "**Owner:** Platform Team", StringComparison.Ordinal));

        await ImportAsync(edited);

        Assert.Equal("Platform Team", await ItemOwnerAsync(3));
    }

    private async Task<string> ConflictingEditAsync()
    {
        await ImportAsync(Seed.Path);
        await SetItemOwnerAsync(3, "QA Guild");
        return await WriteAsync("edited.md", Seed.RepairedText
            .Replace(Item3Owner, "**Owner:** Platform Team", StringComparison.Ordinal)
            .Replace("**Owner:** Frontend Team", "**Owner:** Web Team", StringComparison.Ordinal));
    }

    private async Task ImportAsync(string file)
    {
        var run = await CommandLineRun.RunAsync("import", file, "--db", Db);
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = _directory.File(name);
        await File.WriteAllTextAsync(path, text, Seed.Utf8);
        return path;
    }

    /// <summary>An edit as a form makes it: the value, and the row version it increments.</summary>
    private async Task SetItemOwnerAsync(int number, string owner)
    {
        await using var db = CommandLineRun.OpenDatabase(Db);
        await db.DeferredItems.Where(i => i.Number == number)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Owner, owner).SetProperty(i => i.RowVersion, i => i.RowVersion + 1));
    }

    private async Task<string?> ItemOwnerAsync(int number)
    {
        await using var db = CommandLineRun.OpenDatabase(Db);
        return await db.DeferredItems.Where(i => i.Number == number).Select(i => i.Owner).SingleAsync();
    }

    private async Task<int> HistoryCountAsync()
    {
        await using var db = CommandLineRun.OpenDatabase(Db);
        return await db.HistoryEntries.CountAsync();
    }
}
