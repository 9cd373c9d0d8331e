using System.Text;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Cli;

namespace PhaseTracker.IntegrationTests.Cli;

/// <summary>The verbs, run in process through <see cref="CommandLine.RunAsync"/>, each test on its own database file.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Db => _directory.File("tracking.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Import_of_the_seed_adds_its_items_and_records_and_reports_the_warnings()
    {
        var run = await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("Items: 5 added, 0 updated, 0 removed, 0 unchanged.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Decision records: 4 added, 0 updated, 0 removed, 0 unchanged.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Roadmap weeks: 2 added, 0 updated, 0 removed, 0 unchanged.", run.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^line \d+: ", run.Stderr);
        await using var db = CommandLineRun.OpenDatabase(Db);
        Assert.Equal(5, await db.DeferredItems.CountAsync());
        Assert.Equal(4, await db.DecisionRecords.CountAsync());
        var phase = await db.Phases.SingleAsync();
        Assert.Equal(2, phase.Number);
        Assert.Equal(Seed.RepairedText, phase.SourceText);
        Assert.Equal(DateTimeKind.Utc, phase.MadeCurrentAtUtc!.Value.Kind);
    }

    [Fact]
    public async Task Export_after_import_gives_back_the_repaired_seed_byte_for_byte()
    {
        await ImportSeedAsync();

        var run = await CommandLineRun.RunAsync("export", "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Seed.RepairedText, run.Stdout);
    }

    [Fact]
    public async Task Export_to_a_file_writes_the_document_as_utf8_without_a_byte_order_mark()
    {
        await ImportSeedAsync();
        var output = _directory.File("out.md");

        var run = await CommandLineRun.RunAsync("export", "--db", Db, "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(Seed.Utf8.GetBytes(Seed.RepairedText), await File.ReadAllBytesAsync(output));
    }

    [Fact]
    public async Task Importing_the_same_document_twice_changes_nothing_the_second_time()
    {
        await ImportSeedAsync();
        var before = await SnapshotAsync();

        var run = await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("unchanged, already current", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Items: 0 added, 0 updated, 0 removed, 5 unchanged.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Decision records: 0 added, 0 updated, 0 removed, 4 unchanged.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Roadmap weeks: 0 added, 0 updated, 0 removed, 2 unchanged.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Reimporting_an_edited_document_updates_items_in_place_and_drops_the_removed_one()
    {
        await ImportSeedAsync();
        var edited = RemoveItem(Seed.RepairedText, 5).Replace("**Owner:** Backend Team", "**Owner:** Platform Team", StringComparison.Ordinal);
        await using (var db = CommandLineRun.OpenDatabase(Db))
        {
            var idsBefore = await db.DeferredItems.AsNoTracking().ToDictionaryAsync(i => i.Number, i => i.Id);
            var file = _directory.File("edited.md");
            await File.WriteAllBytesAsync(file, Seed.Utf8.GetBytes(edited));

            var run = await CommandLineRun.RunAsync("import", file, "--db", Db);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Items: 0 added, 1 updated, 1 removed, 3 unchanged.", run.Stderr, StringComparison.Ordinal);
            var items = await db.DeferredItems.AsNoTracking().OrderBy(i => i.Number).ToListAsync();
            Assert.Equal([1, 2, 3, 4], items.Select(i => i.Number).ToArray());
            Assert.All(items, i => Assert.Equal(idsBefore[i.Number], i.Id));
            Assert.Equal("Platform Team", items.Single(i => i.Number == 3).Owner);
            Assert.Equal(edited, (await db.Phases.AsNoTracking().SingleAsync()).SourceText);
        }

        var export = await CommandLineRun.RunAsync("export", "--db", Db);
        Assert.Equal(edited, export.Stdout);
    }

    [Fact]
    public async Task A_decision_record_the_document_no_longer_has_leaves_the_database()
    {
        await ImportSeedAsync();
        var text = Seed.RepairedText;
        var start = text.IndexOf("### ADR-004:", StringComparison.Ordinal);
        var end = text.IndexOf("\n## ", start, StringComparison.Ordinal);
        var file = _directory.File("three-adrs.md");
        await File.WriteAllBytesAsync(file, Seed.Utf8.GetBytes(text[..start] + text[(end + 1)..]));

        var run = await CommandLineRun.RunAsync("import", file, "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Decision records: 0 added, 0 updated, 1 removed, 3 unchanged.", run.Stderr, StringComparison.Ordinal);
        await using var db = CommandLineRun.OpenDatabase(Db);
        var numbers = await db.DecisionRecords.OrderBy(d => d.Number).Select(d => d.Number).ToArrayAsync();
        Assert.Equal([1, 2, 3], numbers);
    }

    [Fact]
    public async Task Reimporting_an_unchanged_document_of_an_older_phase_only_makes_it_current_again()
    {
        await ImportSeedAsync();
        var phase3 = _directory.File("phase3.md");
        await File.WriteAllBytesAsync(phase3, Seed.Utf8.GetBytes(RemoveDecisionRecords(Seed.RepairedText).Replace("Phase 2 Tracking", "Phase 3 Tracking", StringComparison.Ordinal)));
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", phase3, "--db", Db)).ExitCode);
        DateTime? importedBefore;
        await using (var db = CommandLineRun.OpenDatabase(Db))
        {
            importedBefore = (await db.Phases.SingleAsync(p => p.Number == 2)).ImportedAtUtc;
        }

        var run = await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("unchanged, made current again", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Items: 0 added, 0 updated, 0 removed, 5 unchanged.", run.Stderr, StringComparison.Ordinal);
        await using (var db = CommandLineRun.OpenDatabase(Db))
        {
            var phase2 = await db.Phases.SingleAsync(p => p.Number == 2);
            var phase3Row = await db.Phases.SingleAsync(p => p.Number == 3);
            Assert.Equal(importedBefore, phase2.ImportedAtUtc);
            Assert.True(phase2.MadeCurrentAtUtc > phase3Row.MadeCurrentAtUtc);
        }

        Assert.Contains("Phase 2 Tracking", FirstLine((await CommandLineRun.RunAsync("export", "--db", Db)).Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_reports_what_would_change_and_leaves_the_database_untouched()
    {
        var run = await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db, "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Dry run", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Items: 5 added", run.Stderr, StringComparison.Ordinal);
        await using var db = CommandLineRun.OpenDatabase(Db);
        Assert.False(await db.Phases.AnyAsync());
        Assert.False(await db.DeferredItems.AnyAsync());
        Assert.False(await db.DecisionRecords.AnyAsync());
    }

    [Fact]
    public async Task Dry_run_of_an_edited_document_leaves_the_imported_phase_as_it_was()
    {
        await ImportSeedAsync();
        var before = await SnapshotAsync();
        var file = _directory.File("edited.md");
        await File.WriteAllBytesAsync(file, Seed.Utf8.GetBytes(RemoveItem(Seed.RepairedText, 5)));

        var run = await CommandLineRun.RunAsync("import", file, "--db", Db, "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 removed", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task An_empty_document_is_rejected_with_one_sentence_and_changes_nothing()
    {
        await ImportSeedAsync();
        var before = await SnapshotAsync();
        var empty = _directory.File("empty.md");
        await File.WriteAllBytesAsync(empty, []);

        var run = await CommandLineRun.RunAsync("import", empty, "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_document_above_10_MB_is_refused_with_one_sentence_before_anything_is_read_or_written()
    {
        var large = _directory.File("large.md");
        await File.WriteAllBytesAsync(large, new byte[11 * 1024 * 1024]);

        var run = await CommandLineRun.RunAsync("import", large, "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("The document is 11 MB; documents up to 10 MB are accepted.\n", run.Stderr);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Import_of_a_missing_file_fails_with_one_sentence()
    {
        var run = await CommandLineRun.RunAsync("import", _directory.File("nowhere.md"), "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"There is no file '{_directory.File("nowhere.md")}'.\n", run.Stderr);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task An_import_makes_its_phase_the_one_export_gives_by_default()
    {
        await ImportSeedAsync();
        var phase3 = _directory.File("phase3.md");
        await File.WriteAllBytesAsync(phase3, Seed.Utf8.GetBytes(Seed.RepairedText.Replace("Phase 2 Tracking", "Phase 3 Tracking", StringComparison.Ordinal)));
        Assert.Equal(0, (await CommandLineRun.RunAsync("import", phase3, "--db", Db)).ExitCode);

        var current = await CommandLineRun.RunAsync("export", "--db", Db);
        var phase2 = await CommandLineRun.RunAsync("export", "--db", Db, "--phase", "2");

        Assert.Contains("Phase 3 Tracking", FirstLine(current.Stdout), StringComparison.Ordinal);
        Assert.Contains("Phase 2 Tracking", FirstLine(phase2.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_as_json_carries_the_schema_version_and_every_item()
    {
        await ImportSeedAsync();

        var run = await CommandLineRun.RunAsync("export", "--db", Db, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        var items = json.RootElement.GetProperty("items");
        Assert.Equal(5, items.GetArrayLength());
        Assert.Equal(Seed.ItemTitles, items.EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(25, json.RootElement.GetProperty("totals").GetProperty("effortHours").GetDouble());
        Assert.Equal(4, json.RootElement.GetProperty("decisionRecords").GetArrayLength());
    }

    [Fact]
    public async Task Export_of_an_empty_database_fails_with_one_sentence()
    {
        var run = await CommandLineRun.RunAsync("export", "--db", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("The database holds no phase yet: import a tracking document first.\n", run.Stderr);
    }

    [Fact]
    public async Task Export_of_a_phase_the_database_does_not_hold_fails_with_one_sentence()
    {
        await ImportSeedAsync();

        var run = await CommandLineRun.RunAsync("export", "--db", Db, "--phase", "7");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("The database holds no phase 7.\n", run.Stderr);
    }

    [Fact]
    public async Task Check_finds_the_seed_valid_and_lossless()
    {
        var run = await CommandLineRun.RunAsync("check", Seed.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("PHASE2_TRACKING.md: valid and lossless", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_strict_refuses_the_seed_because_it_needed_repairs_and_has_warnings()
    {
        var run = await CommandLineRun.RunAsync("check", Seed.Path, "--strict");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--strict allows no warning or repair", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_an_empty_document_fails_with_the_reason()
    {
        var empty = _directory.File("empty.md");
        await File.WriteAllBytesAsync(empty, []);

        var run = await CommandLineRun.RunAsync("check", empty);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("empty.md: ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "import", "x.md", "--force" }, "Unknown option '--force'. Usage: import FILE [--db PATH] [--dry-run] [--theirs|--ours]")]
    [InlineData(new[] { "export", "--format", "pdf" }, "--format takes markdown or json, not 'pdf'. Usage: export [--out FILE] [--db PATH] [--phase N] [--format markdown|json] [--diagrams] [--adr-dir DIR]")]
    [InlineData(new[] { "export", "--phase", "two" }, "--phase takes a number, not 'two'. Usage: export [--out FILE] [--db PATH] [--phase N] [--format markdown|json] [--diagrams] [--adr-dir DIR]")]
    [InlineData(new[] { "import" }, "FILE is missing. Usage: import FILE [--db PATH] [--dry-run] [--theirs|--ours]")]
    [InlineData(new[] { "check", "a.md", "b.md" }, "Unexpected argument 'b.md'. Usage: check FILE [--strict] [--against-db [--db PATH]]")]
    public async Task A_command_line_that_does_not_fit_gives_a_one_line_usage_error(string[] args, string expected)
    {
        var run = await CommandLineRun.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(expected + "\n", run.Stderr);
    }

    [Fact]
    public async Task An_unknown_command_gives_a_one_line_usage_error()
    {
        var run = await CommandLineRun.RunAsync("imprt", "x.md");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Unknown command 'imprt'. Usage: import FILE", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData(new[] { "import", "x.md" }, true)]
    [InlineData(new[] { "imprt" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5080" }, false)]
    [InlineData(new[] { "urls=http://127.0.0.1:5080" }, false)]
    [InlineData(new[] { "--environment=Development" }, false)]
    public void Only_a_first_argument_that_is_no_host_option_asks_for_a_command(string[] args, bool isCommand) =>
        Assert.Equal(isCommand, CommandLine.IsCommand(args));

    private async Task ImportSeedAsync()
    {
        var run = await CommandLineRun.RunAsync("import", Seed.Path, "--db", Db);
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    /// <summary>Every row the import writes, with its id, as text: equal snapshots mean nothing changed.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = CommandLineRun.OpenDatabase(Db);
        var snapshot = new StringBuilder();
        foreach (var phase in await db.Phases.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
        {
            snapshot.AppendLine(JsonSerializer.Serialize(phase));
        }

        foreach (var rows in new IEnumerable<object>[]
        {
            await db.DeferredItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync(),
            await db.MatrixRows.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
            await db.RoadmapWeeks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(),
            await db.DecisionRecords.AsNoTracking().OrderBy(d => d.Id).ToListAsync(),
            await db.RelatedDocuments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(),
            await db.DocumentWarnings.AsNoTracking().OrderBy(w => w.Id).ToListAsync(),
        })
        {
            foreach (var row in rows)
            {
                snapshot.AppendLine(JsonSerializer.Serialize(row, row.GetType()));
            }
        }

        return snapshot.ToString();
    }

    /// <summary>The document without item <paramref name="number"/>'s section (heading to the next section).</summary>
    private static string RemoveItem(string text, int number)
    {
        var start = text.IndexOf($"### {number}. ", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var end = text.IndexOf("\n## ", start, StringComparison.Ordinal);
        var nextItem = text.IndexOf($"### {number + 1}. ", start, StringComparison.Ordinal);
        if (nextItem >= 0 && nextItem < end)
        {
            end = nextItem - 1;
        }

        return text[..start] + text[(end + 1)..];
    }

    /// <summary>The document without its ADR section, so that a second phase's document does not take the records over.</summary>
    private static string RemoveDecisionRecords(string text)
    {
        var start = text.IndexOf("### ADR-001:", StringComparison.Ordinal);
        var end = text.IndexOf("\n## ", start, StringComparison.Ordinal);
        return text[..start] + text[(end + 1)..];
    }

    private static string FirstLine(string text) => text[..Math.Max(0, text.IndexOf('\n', StringComparison.Ordinal))];
}
