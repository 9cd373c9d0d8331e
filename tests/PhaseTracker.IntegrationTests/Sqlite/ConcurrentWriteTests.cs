using System.Collections.Concurrent;
using System.Net;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Benchmarks;
using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.IntegrationTests.Sqlite;

/// <summary>
/// A hundred users at once on one SQLite file: importers, editors bumping the data version, readers of
/// pages and exports, each with its own scope and connection, all let go at the same moment.
/// </summary>
public sealed class ConcurrentWriteTests : IDisposable
{
    private const int Importers = 40;
    private const int Editors = 30;
    private const int Readers = 30;
    private const int EditsEach = 5;
    private const int ReadsEach = 5;

    private readonly PhaseTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>A small generated document of phase <paramref name="phase"/> with <paramref name="items"/> items.</summary>
    public static string Document(int phase, int items, int seed) =>
        TrackingDocumentGenerator.Generate(items, adrs: 0, seed)
            .Replace("Phase 2 Tracking", $"Phase {phase} Tracking", StringComparison.Ordinal);

    [Fact]
    public async Task A_hundred_concurrent_users_writing_and_reading_never_meet_a_locked_database()
    {
        using var client = _factory.CreateClient();
        var versionBefore = await DataVersionAsync();
        var failures = new ConcurrentQueue<string>();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each importer brings a new phase, then an edited document of it (one item more): an insert
        // and an update path, each in one transaction that bumps the data version.
        var importers = Enumerable.Range(0, Importers).Select(i => Task.Run(async () =>
        {
            await go.Task;
            var phase = 10 + i;
            var items = 3 + (i % 5);
            await ImportAsync(Document(phase, items, seed: i), failures);
            await ImportAsync(Document(phase, items + 1, seed: i), failures);
        }));
        var editors = Enumerable.Range(0, Editors).Select(i => Task.Run(async () =>
        {
            await go.Task;
            for (var n = 0; n < EditsEach; n++)
            {
                await using var scope = _factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
                if (n % 2 == 0)
                {
                    // Read, work, then write, in one transaction (the app's begin IMMEDIATE). The work
                    // keeps its thread, as the app's does: a write transaction that awaits real I/O while
                    // waiting writers block pool threads in SQLite's busy handler can starve (see README).
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    _ = await db.CurrentAsync(CancellationToken.None);
                    Thread.Sleep(5);
                    await db.BumpDataVersionAsync(CancellationToken.None);
                    await transaction.CommitAsync();
                }
                else
                {
                    await db.BumpDataVersionAsync(CancellationToken.None);
                }
            }
        }));
        var readers = Enumerable.Range(0, Readers).Select(i => Task.Run(async () =>
        {
            await go.Task;
            for (var n = 0; n < ReadsEach; n++)
            {
                var path = (n % 3) switch { 0 => "/", 1 => "/items?phase=2", _ => "/matrix?phase=2" };
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"GET {path}: {(int)response.StatusCode}");
                }

                await using var scope = _factory.Services.CreateAsyncScope();
                var export = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(2, ExportFormat.Markdown);
                if (export.Text != Seed.RepairedText)
                {
                    failures.Enqueue($"Export of phase 2: {export.Error ?? "a different document"}");
                }
            }
        }));
        var all = Task.WhenAll([.. importers, .. editors, .. readers]);

        go.SetResult();
        await all.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Empty(failures);
        Assert.Equal(versionBefore + (Importers * 2) + (Editors * EditsEach), await DataVersionAsync());
        await using var check = _factory.Services.CreateAsyncScope();
        var export = check.ServiceProvider.GetRequiredService<ExportService>();
        for (var i = 0; i < Importers; i++)
        {
            var result = await export.ExportAsync(10 + i, ExportFormat.Markdown);
            Assert.Equal(Document(10 + i, 3 + (i % 5) + 1, seed: i), result.Text);
        }
    }

    private async Task ImportAsync(string document, ConcurrentQueue<string> failures)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(Seed.Utf8.GetBytes(document), dryRun: false);
        if (!result.Accepted)
        {
            failures.Enqueue($"Import refused: {result.Rejection}");
        }
    }

    private async Task<long> DataVersionAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>().CurrentAsync(CancellationToken.None);
    }
}
