using System.Diagnostics;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Web.Features.Import;

using Xunit.Abstractions;

namespace PhaseTracker.IntegrationTests.Import;

/// <summary>The three-way merge on the other kinds of record: ADRs, roadmap weeks, the overview, and a 10,000-item phase.</summary>
public sealed class ImportMergeTests(ITestOutputHelper output) : IDisposable
{
    private readonly PhaseTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Starts the app, which imports the seed into its fresh database.</summary>
    private void Start() => _factory.CreateClient().Dispose();

    private async Task<ImportResult> ImportAsync(string text, ImportOptions? options = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(Seed.Utf8.GetBytes(text), options ?? new ImportOptions());
    }

    [Fact]
    public async Task Database_edits_of_an_adr_a_week_and_the_overview_survive_the_old_document_and_the_documents_own_edits_are_taken()
    {
        Start();
        await using (var db = CommandLineRun.OpenDatabase(_factory.DatabasePath))
        {
            await db.DecisionRecords.Where(d => d.Number == 2)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, "Superseded").SetProperty(d => d.RowVersion, d => d.RowVersion + 1));
            await db.RoadmapWeeks.Where(w => w.Number == 1)
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.Theme, "Foundations").SetProperty(w => w.RowVersion, w => w.RowVersion + 1));
            await db.Phases.ExecuteUpdateAsync(set => set.SetProperty(p => p.Purpose, "Track what Phase 1 left.").SetProperty(p => p.RowVersion, p => p.RowVersion + 1));
        }

        var result = await ImportAsync(ImportPages.SeedWith(("### ADR-003: Exponential Backoff for Retries", "### ADR-003: Exponential Backoff With Jitter")));

        Assert.True(result.Summary is { Blocked: false }, result.Rejection?.ToString());
        await using var check = CommandLineRun.OpenDatabase(_factory.DatabasePath);
        Assert.Equal("Superseded", await check.DecisionRecords.Where(d => d.Number == 2).Select(d => d.Status).SingleAsync());
        Assert.Equal("Exponential Backoff With Jitter", await check.DecisionRecords.Where(d => d.Number == 3).Select(d => d.Title).SingleAsync());
        Assert.Equal("Foundations", await check.RoadmapWeeks.Where(w => w.Number == 1).Select(w => w.Theme).SingleAsync());
        Assert.Equal("Track what Phase 1 left.", await check.Phases.Select(p => p.Purpose).SingleAsync());
    }

    [Fact]
    public async Task A_record_removed_in_the_document_and_changed_in_the_database_is_a_conflict()
    {
        Start();
        await _factory.SetItemOwnerAsync(1, "QA Guild");

        var result = await ImportAsync(ImportPages.SeedWithoutItem1());

        var conflict = Assert.Single(result.Summary!.Conflicts);
        Assert.Equal(("Item 1", "(record)"), (conflict.Record, conflict.Field));
        Assert.True(result.Summary.Blocked);
        Assert.False(await _factory.ItemIsDeletedAsync(1));
    }

    [Fact]
    public async Task A_ten_thousand_item_phase_is_merged_quickly_and_keeps_a_database_edit()
    {
        Start();
        var text = PageTestDocuments.Generated(10_000);
        var first = Stopwatch.StartNew();
        await ImportAsync(text);
        output.WriteLine($"The first import of 10,000 items took {first.Elapsed.TotalSeconds:0.00} s.");
        await _factory.SetItemOwnerAsync(5_000, "QA Guild");

        var watch = Stopwatch.StartNew();
        var again = await ImportAsync(text);
        watch.Stop();

        output.WriteLine($"Re-importing 10,000 items with a merge took {watch.Elapsed.TotalSeconds:0.00} s.");
        Assert.False(again.Summary!.Blocked);
        Assert.Equal((0, 0), (again.Summary.Items.Added, again.Summary.Items.Removed));
        Assert.Empty(again.Summary.Changes);
        Assert.Equal("QA Guild", await _factory.ItemOwnerAsync(5_000));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }
}
